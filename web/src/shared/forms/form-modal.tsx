// A form in a dialog that saves through one call: the server's field problems land beside their
// fields (useFormErrors), anything else on top; a success says so and closes. For the forms of a list
// page (create / edit a row) so each feature does not rebuild the same Modal + Form + error wiring.
import { App, Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/use-i18n.ts';
import { useFormErrors } from './use-form-errors.ts';

export function FormModal<V extends object>(props: {
  title: string;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  /** sends the values; rejects with the server's ApiError */
  save: (values: V) => Promise<unknown>;
  saving: boolean;
  onClose: () => void;
  testId: string;
  okText?: string;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showFormError = useFormErrors(props.form);
  return (
    <Modal
      open
      width={props.width}
      title={props.title}
      onCancel={props.onClose}
      onOk={() => props.form.submit()}
      okText={props.okText ?? t('common.save')}
      okButtonProps={{ 'data-testid': `${props.testId}-save` } as Record<string, string>}
      confirmLoading={props.saving}
      maskClosable={false}
      destroyOnHidden
    >
      <Form<V>
        form={props.form}
        layout="vertical"
        initialValues={props.initialValues}
        data-testid={props.testId}
        onFinish={(v) =>
          props.save(v).then(() => {
            void message.success(t('common.saved'));
            props.onClose();
          }, showFormError)
        }
      >
        {props.children}
      </Form>
    </Modal>
  );
}
