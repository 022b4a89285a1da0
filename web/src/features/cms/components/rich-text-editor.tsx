// The article body editor (Tiptap, loaded only when an article is opened). What it produces is HTML
// the server sanitises again by its allow-list; this editor only keeps writing pleasant: headings,
// lists and tables survive a paste from Word, and images are uploaded to this server (no hot-links).
import {
  BoldOutlined,
  ItalicOutlined,
  OrderedListOutlined,
  PictureOutlined,
  RedoOutlined,
  TableOutlined,
  UnderlineOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import Image from '@tiptap/extension-image';
import { TableKit } from '@tiptap/extension-table';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Divider, Flex, Tooltip } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { uploadImage } from '../api/cms-api.ts';
import { wordListsToHtml } from './word-paste.ts';
import './rich-text-editor.css';

export interface RichTextEditorProps {
  value: string;
  onChange?: (html: string) => void;
  editable: boolean;
}

export default function RichTextEditor({ value, onChange, editable }: RichTextEditorProps) {
  const { t } = useI18n();
  const notifyError = useNotifyError();
  const fileInput = useRef<HTMLInputElement>(null);
  // the paste and drop handlers are created once; they reach the editor through this ref
  const editorRef = useRef<Editor | null>(null);

  const insertImages = async (editor: Editor, files: File[]) => {
    for (const file of files.filter((f) => /^image\/(png|jpeg)$/.test(f.type))) {
      try {
        const uploaded = await uploadImage(file);
        editor
          .chain()
          .focus()
          .setImage({ src: uploaded.url, alt: file.name.replace(/\.\w+$/, '') })
          .run();
      } catch (err) {
        notifyError(err);
      }
    }
  };

  const editor = useEditor({
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3, 4] }, link: { openOnClick: false } }),
      TableKit.configure({ table: { resizable: false } }),
      Image,
    ],
    content: value,
    editable,
    editorProps: {
      attributes: {
        class: 'gv-rte-content',
        'data-testid': 'article-body-editor',
        'aria-label': t('cms.body'),
      },
      transformPastedHTML: wordListsToHtml,
      handlePaste: (_view, event) => {
        const files = Array.from(event.clipboardData?.files ?? []);
        if (!files.length || !editorRef.current) return false;
        void insertImages(editorRef.current, files);
        return true;
      },
      handleDrop: (_view, event) => {
        const files = Array.from((event as DragEvent).dataTransfer?.files ?? []);
        if (!files.length || !editorRef.current) return false;
        void insertImages(editorRef.current, files);
        return true;
      },
    },
    onUpdate: ({ editor: e }) => onChange?.(e.getHTML()),
  });
  useEffect(() => {
    editorRef.current = editor;
  }, [editor]);

  if (!editor) return null;
  const btn = (label: string, icon: ReactNode, run: () => void, active = false, testid?: string) => (
    <ToolButton label={label} icon={icon} run={run} active={active} testid={testid} />
  );
  const chain = () => editor.chain().focus();
  function pickImage() {
    fileInput.current?.click();
  }

  return (
    <div className={`gv-rte${editable ? '' : ' gv-rte-readonly'}`}>
      {editable ? (
        <Flex
          className="gv-rte-toolbar"
          gap={2}
          wrap
          align="center"
          role="toolbar"
          aria-label={t('cms.toolbar')}
        >
          {([2, 3, 4] as const).map((level) => (
            <Button
              key={level}
              size="small"
              type={editor.isActive('heading', { level }) ? 'primary' : 'text'}
              onClick={() => chain().toggleHeading({ level }).run()}
              aria-pressed={editor.isActive('heading', { level })}
            >
              {`H${level}`}
            </Button>
          ))}
          <Divider orientation="vertical" />
          {btn(t('cms.bold'), <BoldOutlined />, () => chain().toggleBold().run(), editor.isActive('bold'))}
          {btn(
            t('cms.italic'),
            <ItalicOutlined />,
            () => chain().toggleItalic().run(),
            editor.isActive('italic'),
          )}
          {btn(
            t('cms.underline'),
            <UnderlineOutlined />,
            () => chain().toggleUnderline().run(),
            editor.isActive('underline'),
          )}
          <Divider orientation="vertical" />
          {btn(
            t('cms.bulletList'),
            <UnorderedListOutlined />,
            () => chain().toggleBulletList().run(),
            editor.isActive('bulletList'),
          )}
          {btn(
            t('cms.orderedList'),
            <OrderedListOutlined />,
            () => chain().toggleOrderedList().run(),
            editor.isActive('orderedList'),
          )}
          {btn(t('cms.table'), <TableOutlined />, () =>
            chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
          )}
          <ToolButton
            label={t('cms.image')}
            icon={<PictureOutlined />}
            run={pickImage}
            active={false}
            testid="editor-image"
          />
          <Divider orientation="vertical" />
          {btn(t('cms.undo'), <UndoOutlined />, () => chain().undo().run())}
          {btn(t('cms.redo'), <RedoOutlined />, () => chain().redo().run())}
          <input
            ref={fileInput}
            type="file"
            accept="image/png,image/jpeg"
            hidden
            data-testid="editor-image-input"
            onChange={(e) => {
              const files = Array.from(e.target.files ?? []);
              e.target.value = '';
              void insertImages(editor, files);
            }}
          />
        </Flex>
      ) : null}
      <EditorContent editor={editor} />
    </div>
  );
}

function ToolButton(p: {
  label: string;
  icon: ReactNode;
  run: () => void;
  active: boolean;
  testid?: string;
}) {
  return (
    <Tooltip title={p.label}>
      <Button
        size="small"
        type={p.active ? 'primary' : 'text'}
        icon={p.icon}
        aria-label={p.label}
        aria-pressed={p.active}
        onClick={p.run}
        data-testid={p.testid}
      />
    </Tooltip>
  );
}
