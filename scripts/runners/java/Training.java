// The training run of the Java runner's class-data-sharing archive: it does what a snippet does
// (java.net.http through an HTTPS proxy to api.requestrocket.com, a PKCS12 trust store, Gson, a
// 200 and a 401 answer), against a CONNECT proxy and TLS server inside this same JVM on loopback,
// so the JVM records every class that path loads. It never leaves 127.0.0.1.
//
// Usage: java ... requestrocket.cds.Training KEYSTORE TRUSTSTORE PASSWORD   (train)
//        java ... requestrocket.cds.Training --check                         (prove the archive maps)
package requestrocket.cds;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

public final class Training {
    record Client(String clientId, String clientName) {}

    record ApiResponse(List<Client> clients, String message) {}

    private static final String CLIENTS = "{\"clients\":[{\"clientId\":\"cl_1\",\"clientName\":\"Training\"}]}";
    private static final String DENIED = "{\"message\":\"Invalid or missing authentication token\"}";

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--check")) {
            System.out.println("ok");
            return;
        }
        if (args.length != 3) throw new IllegalArgumentException("expected KEYSTORE TRUSTSTORE PASSWORD");
        char[] password = args[2].toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(args[0])) {
            keys.load(in, password);
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, password);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(managers.getKeyManagers(), null, null);

        ServerSocket proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread server = new Thread(() -> serve(proxy, serverContext));
        server.setDaemon(true);
        server.start();

        // What the harness's JAVA_TOOL_OPTIONS says to every snippet.
        String port = Integer.toString(proxy.getLocalPort());
        System.setProperty("https.proxyHost", "127.0.0.1");
        System.setProperty("https.proxyPort", port);
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", port);
        System.setProperty("javax.net.ssl.trustStore", args[1]);
        System.setProperty("javax.net.ssl.trustStorePassword", args[2]);
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");

        for (String token : new String[] {"u-training-valid", "u-training-revoked"}) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("https://api.requestrocket.com/api/clients"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", token)
                    .timeout(Duration.ofSeconds(10))
                    .GET()
                    .build();
            try {
                HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
                ApiResponse body = new Gson().fromJson(response.body(), ApiResponse.class);
                Map<?, ?> generic = new Gson().fromJson(response.body(), Map.class);
                String pretty = new GsonBuilder().setPrettyPrinting().create().toJson(JsonParser.parseString(response.body()));
                if (response.statusCode() != 200) {
                    System.err.println("training: " + response.statusCode() + " " + body.message() + " " + generic.size());
                } else {
                    for (Client client : body.clients()) System.out.println(client.clientId() + "  " + client.clientName() + " " + pretty.length());
                }
            } catch (JsonParseException e) {
                System.err.println("training: " + e.getMessage());
            }
        }
        HttpRequest post = HttpRequest.newBuilder(URI.create("https://api.requestrocket.com/api/clients"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new Gson().toJson(Map.of("name", "training"))))
                .build();
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(post, HttpResponse.BodyHandlers.ofString());
        String.format("%s %d", "formatted", 1);
    }

    /** Answers CONNECT, then TLS as api.requestrocket.com, then one HTTP/1.1 request per connection. */
    private static void serve(ServerSocket proxy, SSLContext context) {
        try {
            while (true) {
                Socket socket = proxy.accept();
                BufferedReader head = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                String line;
                while ((line = head.readLine()) != null && !line.isEmpty()) {
                    // The CONNECT line and its headers.
                }
                OutputStream raw = socket.getOutputStream();
                raw.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                raw.flush();
                SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, "127.0.0.1", socket.getPort(), true);
                tls.setUseClientMode(false);
                BufferedReader request = new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.ISO_8859_1));
                boolean valid = false;
                int length = 0;
                while ((line = request.readLine()) != null && !line.isEmpty()) {
                    if (line.toLowerCase().startsWith("authorization:")) valid = line.contains("valid");
                    if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
                }
                for (int i = 0; i < length; i++) request.read();
                String body = valid || length > 0 ? CLIENTS : DENIED;
                String status = valid || length > 0 ? "200 OK" : "401 Unauthorized";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                OutputStream out = tls.getOutputStream();
                out.write(("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(bytes);
                out.flush();
                tls.close();
            }
        } catch (Exception e) {
            // The JVM is exiting, or the client gave up; the training run reports its own errors.
        }
    }
}
