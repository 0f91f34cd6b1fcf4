import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** {{sentence}} */
public class {{className}} {
    private static final URI CLIENTS_URL = URI.create("https://api.requestrocket.com/api/clients");

    record Client(String clientId, String clientName) {}

    record ApiResponse(List<Client> clients, String message) {}

    public static void main(String[] args) throws InterruptedException {
        String token = System.getenv("REQUESTROCKET_USER_TOKEN");
        if (token == null || token.isEmpty()) {
            fail("set REQUESTROCKET_USER_TOKEN to your RequestRocket user token");
        }

        HttpRequest request = HttpRequest.newBuilder(CLIENTS_URL)
                .header("Content-Type", "application/json")
                .header("Authorization", token) // the raw token: no "Bearer " prefix
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();

        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            ApiResponse body = new Gson().fromJson(response.body(), ApiResponse.class);
            if (response.statusCode() != 200) {
                fail(response.statusCode() + " " + (body == null ? "" : body.message()));
            }
            if (body == null || body.clients() == null) {
                fail("unexpected response from the API");
            }
            for (Client client : body.clients()) {
                System.out.println(client.clientId() + "  " + client.clientName());
            }
        } catch (IOException | JsonParseException e) {
            fail(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        }
    }

    private static void fail(String message) {
        System.err.println("Request failed: " + message);
        System.exit(1);
    }
}
