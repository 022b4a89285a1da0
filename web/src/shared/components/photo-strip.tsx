// The photos of a record (an event, a contest work), shown as thumbnails that open large, and a file
// picker that adds more — PNG or JPEG; the server checks each by content and names a refused one.
import { UploadOutlined } from '@ant-design/icons';
import { Button, Image, Space, Typography } from 'antd';
import { useI18n } from '../i18n/use-i18n.ts';

export function PhotoStrip(props: {
  photos: Array<{ id: number; url: string; altText: string }>;
  canAdd: boolean;
  adding: boolean;
  onAdd: (files: File[]) => void;
  testId: string;
}) {
  const { pick } = useI18n();
  return (
    <Space wrap data-testid={props.testId}>
      <Image.PreviewGroup>
        {props.photos.map((p) => (
          <Image
            key={p.id}
            src={p.url}
            alt={p.altText}
            width={72}
            height={72}
            style={{ objectFit: 'cover' }}
          />
        ))}
      </Image.PreviewGroup>
      {props.photos.length === 0 ? (
        <Typography.Text type="secondary">{pick({ zh: '暂无照片', en: 'No photos' })}</Typography.Text>
      ) : null}
      {props.canAdd ? (
        <Button icon={<UploadOutlined />} loading={props.adding} size="small">
          <label style={{ cursor: 'pointer' }}>
            {pick({ zh: '添加照片', en: 'Add photos' })}
            <input
              type="file"
              accept="image/png,image/jpeg"
              multiple
              hidden
              data-testid={`${props.testId}-input`}
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                if (files.length) props.onAdd(files);
              }}
            />
          </label>
        </Button>
      ) : null}
    </Space>
  );
}
