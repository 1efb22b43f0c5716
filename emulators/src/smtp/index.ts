export { mailLogLine, type ReceivedMail } from './received-mail.js';
export { startSmtpSink, type RunningSmtpSink, type SmtpSinkOptions } from './sink.js';
