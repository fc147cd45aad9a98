package io.wayfinder.server.flow;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Properties;

/** Sends a rendered e-mail over SMTP (Jakarta Mail, Eclipse Angus). */
final class MailSender {
  private final Session session;
  private final String from;

  MailSender(FlowSettings s) {
    Properties p = new Properties();
    p.put("mail.smtp.host", s.smtpHost());
    p.put("mail.smtp.port", String.valueOf(s.smtpPort()));
    p.put("mail.smtp.connectiontimeout", String.valueOf(s.webhookTimeout().toMillis()));
    p.put("mail.smtp.timeout", String.valueOf(s.webhookTimeout().toMillis()));
    this.session = Session.getInstance(p);
    this.from = s.mailFrom();
  }

  void send(String idempotencyKey, JsonNode mail) throws MessagingException {
    MimeMessage m = new MimeMessage(session);
    m.setFrom(new InternetAddress(from));
    m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.get("to").asText(), true));
    m.setSubject(mail.get("subject").asText(), "UTF-8");
    // receivers and mail logs can tell a repeated delivery by this header
    m.setHeader("X-Idempotency-Key", idempotencyKey);
    boolean text = mail.hasNonNull("text");
    boolean html = mail.hasNonNull("html");
    if (text && html) {
      MimeMultipart alt = new MimeMultipart("alternative");
      MimeBodyPart t = new MimeBodyPart();
      t.setText(mail.get("text").asText(), "UTF-8");
      MimeBodyPart h = new MimeBodyPart();
      h.setContent(mail.get("html").asText(), "text/html; charset=UTF-8");
      alt.addBodyPart(t);
      alt.addBodyPart(h);
      m.setContent(alt);
    } else if (html) {
      m.setContent(mail.get("html").asText(), "text/html; charset=UTF-8");
    } else {
      m.setText(mail.get("text").asText(), "UTF-8");
    }
    Transport.send(m);
  }
}
