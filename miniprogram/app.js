// The sample mini-program: one page, the calculator. Nothing leaves the phone.
App({});
