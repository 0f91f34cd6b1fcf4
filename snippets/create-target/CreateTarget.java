import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Create a target. */
public class CreateTarget {
    private static final String API_BASE_URL = "https://api.requestrocket.com/api";
    private static final HttpClient HTTP_CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static String token;

    public static void main(String[] args) throws InterruptedException {
        token = System.getenv("REQUESTROCKET_USER_TOKEN");
        if (token == null || token.isEmpty()) {
            exit("Set REQUESTROCKET_USER_TOKEN to your RequestRocket user token.");
        }
        String clientId = System.getenv("REQUESTROCKET_CLIENT_ID");
        if (clientId == null || clientId.isEmpty()) {
            exit("Set REQUESTROCKET_CLIENT_ID to the id of the client.");
        }

        JsonObject body = new JsonObject();
        body.addProperty("targetName", "OpenAI API");
        body.addProperty("targetBaseURL", "https://api.openai.com");
        body.addProperty("targetTestPath", "/v1/models");
        body.addProperty("targetRegion", "us-east-1");
        body.addProperty("targetDefaultRuleEffect", "deny");
        JsonObject newTarget = call("create a target", "POST", "/clients/" + clientId + "/targets", body).getAsJsonObject("target");
        String targetId = newTarget.get("sKey").getAsString();
        System.out.println("Created target " + targetId + " (" + newTarget.get("targetName").getAsString() + ")");
    }

    /** Sends one request to the Core API and returns its JSON answer; if it fails, says what could not be done and exits. */
    private static JsonObject call(String doing, String method, String path, JsonObject body) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(API_BASE_URL + path))
                .header("Content-Type", "application/json")
                .header("Authorization", token) // the raw token: no "Bearer " prefix
                .timeout(Duration.ofSeconds(10)) // without it, send() waits forever
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(new Gson().toJson(body)))
                .build();
        try {
            HttpResponse<String> response = HTTP_CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() < 200 || response.statusCode() > 299) {
                return fail(doing, response.statusCode() + " " + errorMessage(response.body()));
            }
            return JsonParser.parseString(response.body()).getAsJsonObject();
        } catch (HttpTimeoutException e) {
            return fail(doing, "the request timed out after 10 seconds");
        } catch (IOException | RuntimeException e) { // an untrusted certificate, a refused or reset connection, an answer that is not JSON
            return fail(doing, e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        }
    }

    /** The API's error message, or "" when the body is not the API's JSON (a gateway's error page). */
    private static String errorMessage(String body) {
        try {
            JsonElement message = JsonParser.parseString(body).getAsJsonObject().get("message");
            return message == null ? "" : message.getAsString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Prints what the program could not do and why, in one line, and exits 1. */
    private static JsonObject fail(String doing, String reason) {
        System.err.println("Could not " + doing + ": " + reason);
        System.exit(1);
        return null;
    }

    /** Prints what is missing and exits 1. */
    private static void exit(String message) {
        System.err.println(message);
        System.exit(1);
    }
}
