import { useEffect } from 'react';

/** Names the browser tab after the page, which helps officers who keep several tabs open. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · 绿讯 GreenVoice`;
  }, [title]);
}
