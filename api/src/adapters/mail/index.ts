export { mailFailureReason, SmtpMailer, type OutgoingMail, type SmtpMailerOptions } from './smtp-mailer.js';
