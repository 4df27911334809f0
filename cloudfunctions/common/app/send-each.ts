// One notice to several people, each on its own: a failed send is logged and the others still go; the step it
// reports stands (a subscribe message may fail where 消息中心 kept it, or WeChat refuses one person's).
export async function sendEach(openids: readonly string[], send: (openid: string) => Promise<void>, what: string): Promise<void> {
  for (const openid of openids) {
    try {
      await send(openid);
    } catch (err) {
      console.error(`[${what}] message not sent`, err);
    }
  }
}
