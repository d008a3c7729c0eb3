/** The RTM 1.x-shaped seam over agora-rtm-sdk 2.x (docs/reference/rtm2-web-sdk.md §5). */
export { fromRtm2, isRtm2Namespace, type Rtm2AdapterOptions } from './fromRtm2';
export { RTM2_ERROR_TABLE, toRtm1Error, type Rtm1Operation } from './errorMap';
export type * from './types';
