// Email through nodemailer. With SMTP_URL it really sends; without it every message is
// written to <DATA_DIR>/outbox/ as an .eml file, so a local instance works end to end
// (and tests read the links from there). Addresses never reach the logs.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Logger } from "../web/log.js";

export type MailMessage = { to: string; subject: string; text: string };
export type Mailer = { send(message: MailMessage): Promise<void>; describe: string };

export function createMailer(
  { smtpUrl, mailFrom, dataDir }: { smtpUrl: string | undefined; mailFrom: string; dataDir: string },
  log: Logger,
): Mailer {
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    return {
      describe: "smtp",
      async send(message) {
        await transport.sendMail({ from: mailFrom, ...message });
        log.info("mail sent", { subject: message.subject });
      },
    };
  }
  const outbox = outboxDir(dataDir);
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    describe: `outbox (${outbox})`,
    async send(message) {
      const info = await transport.sendMail({ from: mailFrom, ...message });
      fs.mkdirSync(outbox, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.eml`;
      fs.writeFileSync(path.join(outbox, name), info.message as Buffer, { mode: 0o600 });
      log.info("mail written to outbox", { file: name });
    },
  };
}

export function outboxDir(dataDir: string): string {
  return path.join(dataDir, "outbox");
}
