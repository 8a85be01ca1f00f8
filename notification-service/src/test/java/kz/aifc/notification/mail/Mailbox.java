package kz.aifc.notification.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Reads an address's inbox back from the real mail server (GreenMail's REST API), each message parsed as MIME. */
final class Mailbox {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Session SESSION = Session.getInstance(new Properties());

    /** One received message: who sent it, its subject and its decoded text. */
    record Message(String from, List<String> to, String subject, String text) {
    }

    private Mailbox() {
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof Multipart parts) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                all.append(text(parts.getBodyPart(i).getContent()));
            }
            return all.toString();
        }
        return String.valueOf(content);
    }

    /** The messages in {@code address}'s inbox, oldest first; none when the server has never seen the address. */
    static List<Message> inbox(String address) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + MailServerResource.API_PORT + "/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8)
                    + "/messages/INBOX")).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return List.of();
            }
            List<Message> messages = new ArrayList<>();
            for (JsonNode m : JSON.readTree(answer.body())) {
                MimeMessage mime = new MimeMessage(SESSION, new ByteArrayInputStream(
                        m.path("mimeMessage").asText().getBytes(StandardCharsets.UTF_8)));
                List<String> to = new ArrayList<>();
                for (var a : mime.getAllRecipients()) {
                    to.add(a.toString());
                }
                messages.add(new Message(mime.getFrom()[0].toString(), to, mime.getSubject(), text(mime.getContent())));
            }
            return messages;
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("cannot read the inbox of " + address + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
