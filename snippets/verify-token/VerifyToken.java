import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Checks that your RequestRocket user token works. */
public class VerifyToken {
    private static final URI CLIENTS_URL = URI.create("https://api.requestrocket.com/api/clients");

    record ApiResponse(List<Object> clients, String message) {}

    public static void main(String[] args) throws InterruptedException {
        String token = System.getenv("REQUESTROCKET_USER_TOKEN");
        if (token == null || token.isEmpty()) {
            fail("set REQUESTROCKET_USER_TOKEN to your RequestRocket user token");
        }

        HttpRequest request = HttpRequest.newBuilder(CLIENTS_URL)
                .header("Content-Type", "application/json")
                .header("Authorization", token)
                .timeout(Duration.ofSeconds(10))
                .build();

        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            ApiResponse body = new Gson().fromJson(response.body(), ApiResponse.class);
            if (response.statusCode() != 200 || body == null || body.clients() == null) {
                fail(response.statusCode() + " " + (body == null ? "" : body.message()));
            }
            System.out.printf("Token is valid: it can access %d clients.%n", body.clients().size());
        } catch (IOException | JsonParseException e) {
            fail(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        }
    }

    private static void fail(String message) {
        System.err.println("Token check failed: " + message);
        System.exit(1);
    }
}
