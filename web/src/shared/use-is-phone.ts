import { Grid } from 'antd';

/**
 * Below antd's `md` breakpoint (768 px): a phone, or a narrow window. The side menu becomes a drawer and
 * list tables compact there (docs/decisions/170-console-on-a-phone.md). Before the first measurement
 * antd reports no breakpoints; a phone then briefly counts as narrow, never a desktop as a phone.
 */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}
