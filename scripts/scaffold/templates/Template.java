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

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(CLIENTS_URL)
                .header("Content-Type", "application/json")
                .header("Authorization", token) // the raw token: no "Bearer " prefix
                .timeout(Duration.ofSeconds(10)) // without it, send() waits forever
                .GET()
                .build();

        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                fail(response.statusCode() + " " + errorMessage(response.body()));
            }
            ApiResponse body = new Gson().fromJson(response.body(), ApiResponse.class);
            if (body == null || body.clients() == null) {
                fail("unexpected response from the API");
            }
            for (Client c : body.clients()) {
                System.out.println(c.clientId() + "  " + c.clientName());
            }
        } catch (HttpTimeoutException e) {
            fail("the request timed out after 10 seconds");
        } catch (IOException | JsonParseException e) { // an untrusted certificate, a refused or reset connection
            fail(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        }
    }

    /** The API's error message, or "" when the body is not the API's JSON (a gateway's error page). */
    private static String errorMessage(String body) {
        try {
            ApiResponse error = new Gson().fromJson(body, ApiResponse.class);
            return error == null || error.message() == null ? "" : error.message();
        } catch (JsonParseException e) {
            return "";
        }
    }

    private static void fail(String message) {
        System.err.println("Request failed: " + message);
        System.exit(1);
    }
}
