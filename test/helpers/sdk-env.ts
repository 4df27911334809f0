// Why: points the real, unchanged @cloudbase/node-sdk at a local emulator through the environment alone.
export const LOCAL_ENV_ID = 'local-dev';

/**
 * Sets what the node-sdk reads before/at each request: TENCENTCLOUD=true skips the metadata probe, some
 * secret must exist, and TCB_CONTEXT_CNFG.URL replaces the cloud endpoint (node-sdk/src/utils/tcbapiendpoint.ts).
 * The URL is read on every request, so re-pointing at another server takes effect immediately.
 */
export function pointSdkAt(tcbUrl: string): void {
  Object.assign(process.env, {
    TENCENTCLOUD: 'true',
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TCB_ENV: LOCAL_ENV_ID,
    SCF_NAMESPACE: LOCAL_ENV_ID,
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: tcbUrl }),
  });
}
