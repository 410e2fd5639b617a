import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's SMTP server (not part of the application; run as {@code java bench/SmtpSink.java PORT}, Java 17, no
 * dependencies): accepts every mail on 127.0.0.1 and throws it away, answering like a fast local relay. On exit
 * (SIGTERM) it prints {@code SINK mails=N first_ms=... last_ms=...} (epoch milliseconds of the first and the last mail
 * accepted), so the script can tell how fast the outbox handed mails over.
 */
public class SmtpSink {

    private static final AtomicLong MAILS = new AtomicLong();
    private static volatile long first;
    private static volatile long last;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out
                .printf("SINK mails=%d first_ms=%d last_ms=%d%n", MAILS.get(), first, last)));
        try (ServerSocket server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress())) {
            System.out.println("SMTP sink on 127.0.0.1:" + port);
            while (true) {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true); // as a relay answers: no reply held back waiting for an ACK (Nagle)
                Thread t = new Thread(() -> serve(socket));
                t.setDaemon(true);
                t.start();
            }
        }
    }

    private static void serve(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            reply(out, "220 sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 PIPELINING");
                case "HELO" -> reply(out, "250 sink");
                case "DATA" -> {
                    reply(out, "354 go ahead");
                    String data;
                    while ((data = in.readLine()) != null && !data.equals(".")) {
                        // thrown away
                    }
                    long now = System.currentTimeMillis();
                    if (MAILS.getAndIncrement() == 0) {
                        first = now;
                    }
                    last = now;
                    reply(out, "250 accepted");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "250 ok");
                }
            }
        } catch (Exception e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String text) throws java.io.IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
