// Stand-in for agora-rtc-sdk-ng, the peer agora-rtm-sdk 2.3.0 requires at load time. Only stream
// channels call into it; without a real RTC SDK creating one fails, as on a page without it.
module.exports = {
  createClient() {
    throw new Error('agora-rtc-sdk-ng is not available in the offline oracle');
  },
};
