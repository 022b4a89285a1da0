import {
  normaliseEmail,
  normaliseMobile,
  passwordProblems,
  describePasswordProblem,
  ROLE_LABELS,
  ROLES,
  type Person,
  type Role,
  PersonInput,
} from '@greenvoice/common';
import { App, Form, Input, Modal, Select } from 'antd';
import { isApiError } from '../../../shared/api/api-error.ts';
import { schemaRules } from '../../../shared/forms/schema-rules.ts';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useUnitOptions } from '../../../shared/org/use-unit-options.ts';
import type { PersonCreate } from '../api/people-api.ts';
import { useSavePerson } from '../hooks/use-people.ts';

interface PersonForm {
  unitId: number;
  name: string;
  title?: string;
  mobile?: string;
  email?: string;
  roles: Role[];
  username?: string;
  initialPassword?: string;
}

/** Create (person = null) or edit a person. Rendered only while open, so each opening starts clean. */
export function PersonFormModal({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<PersonForm>();
  const showFormError = useFormErrors(form);
  const rules = schemaRules(PersonInput, t);
  const units = useUnitOptions();
  const save = useSavePerson();

  const submit = (v: PersonForm) => {
    const values: PersonCreate = {
      unitId: v.unitId,
      name: v.name.trim(),
      title: v.title?.trim() ?? '',
      roles: v.roles,
      // the validator below already accepted it, so normalising cannot fail here
      ...(v.mobile?.trim() ? { mobile: normaliseMobile(v.mobile) ?? v.mobile } : {}),
      // an emptied field clears the address on an edit
      ...(v.email?.trim() ? { email: v.email.trim() } : person?.email ? { email: '' } : {}),
      ...(!person && v.username?.trim() ? { username: v.username.trim() } : {}),
      ...(!person && v.initialPassword ? { initialPassword: v.initialPassword } : {}),
    };
    save.mutate(
      { person, values },
      {
        onSuccess: () => {
          void message.success(t(person ? 'common.saved' : 'common.created'));
          onClose();
        },
        onError: (err) => {
          if (isApiError(err) && err.code === 'CONFLICT') {
            notifyError(err); // someone else saved first; the list has reloaded
            onClose();
          } else showFormError(err);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={person ? t('people.edit') : t('people.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'person-form-submit' }}
      width={600}
      maskClosable={false}
    >
      <Form<PersonForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="person-form"
        initialValues={
          person
            ? {
                unitId: person.unitId,
                name: person.name,
                title: person.title,
                email: person.email ?? '',
                roles: person.roles,
              }
            : { roles: [] }
        }
      >
        <Form.Item
          name="unitId"
          label={t('people.unit')}
          rules={rules('unitId', { requiredMessage: t('people.unitRequired') })}
        >
          <Select
            data-testid="person-unit"
            showSearch={{ optionFilterProp: 'label' }}
            loading={units.isLoading}
            options={units.data?.map((u) => ({ value: u.value, label: u.label }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('people.name')}
          rules={rules('name', { requiredMessage: t('people.nameRequired') })}
        >
          <Input data-testid="person-name" />
        </Form.Item>
        <Form.Item name="title" label={t('people.title')} rules={rules('title')}>
          <Input data-testid="person-title" />
        </Form.Item>
        <Form.Item
          name="mobile"
          label={t('people.mobile')}
          extra={
            person?.mobileMasked
              ? t('people.mobileKeep', { masked: person.mobileMasked })
              : t('people.mobileHint')
          }
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                if (value?.trim() && !normaliseMobile(value)) throw new Error(t('people.mobileInvalid'));
              },
            },
          ]}
        >
          <Input data-testid="person-mobile" inputMode="tel" maxLength={20} />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('people.email')}
          extra={t('people.emailHint')}
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                if (value?.trim() && !normaliseEmail(value)) throw new Error(t('people.emailInvalid'));
              },
            },
          ]}
        >
          <Input data-testid="person-email" inputMode="email" type="email" maxLength={254} />
        </Form.Item>
        <Form.Item name="roles" label={t('people.roles')} extra={t('people.rolesHint')}>
          <Select<Role[]>
            data-testid="person-roles"
            mode="multiple"
            allowClear
            options={ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r]) }))}
          />
        </Form.Item>
        {person ? null : (
          <>
            <Form.Item
              name="username"
              label={t('people.username')}
              extra={t('people.usernameHint')}
              rules={rules('username', { patternMessage: t('people.usernamePattern') })}
            >
              <Input data-testid="person-username" autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="initialPassword"
              label={t('people.initialPassword')}
              extra={t('people.initialPasswordHint')}
              dependencies={['username', 'roles', 'name']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, value: string | undefined) => {
                    if (!value) return;
                    const username = (getFieldValue('username') as string | undefined)?.trim();
                    if (!username) throw new Error(t('people.passwordNeedsUsername'));
                    const roles = (getFieldValue('roles') as Role[] | undefined) ?? [];
                    const problem = passwordProblems(value, roles, {
                      username,
                      name: getFieldValue('name') as string | undefined,
                    })[0];
                    if (problem) throw new Error(pick(describePasswordProblem(problem)));
                  },
                }),
              ]}
            >
              <Input.Password
                data-testid="person-initial-password"
                autoComplete="new-password"
                maxLength={256}
              />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
