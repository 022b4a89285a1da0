// The new-media feature's pages, one lazy chunk for the router.
export { MediaPage } from './media-page.tsx';
export { MediaAccountPage } from './media-account-page.tsx';
export { SubscriptionsPage } from './subscriptions-page.tsx';
export { CommentatorsPage } from './commentators-page.tsx';
export { ColumnsPage } from './columns-page.tsx';
