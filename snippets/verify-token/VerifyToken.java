import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(CLIENTS_URL)
                .header("Content-Type", "application/json")
                .header("Authorization", token)
                .timeout(Duration.ofSeconds(10)) // without it, send() waits forever
                .build();

        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            ApiResponse body = parse(response.body());
            if (response.statusCode() != 200 || body == null || body.clients() == null) {
                fail(response.statusCode() + " " + (body == null || body.message() == null ? "" : body.message()));
            }
            System.out.printf("Token is valid: it can access %d clients.%n", body.clients().size());
        } catch (HttpTimeoutException e) {
            fail("the request timed out after 10 seconds");
        } catch (IOException e) { // an untrusted certificate, a refused or reset connection
            fail(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        }
    }

    /** The API's JSON, or null when the body is something else (a gateway's error page). */
    private static ApiResponse parse(String body) {
        try {
            return new Gson().fromJson(body, ApiResponse.class);
        } catch (JsonParseException e) {
            return null;
        }
    }

    private static void fail(String message) {
        System.err.println("Token check failed: " + message);
        System.exit(1);
    }
}
