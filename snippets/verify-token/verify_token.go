// Command verify_token checks that your RequestRocket user token works.
package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"time"
)

func main() {
	token := os.Getenv("REQUESTROCKET_USER_TOKEN")
	if token == "" {
		fail("set REQUESTROCKET_USER_TOKEN to your RequestRocket user token")
	}

	req, err := http.NewRequest(http.MethodGet, "https://api.requestrocket.com/api/clients", nil)
	if err != nil {
		fail(err.Error())
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", token)

	resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req) // the default client waits forever
	if os.IsTimeout(err) {
		fail("the request timed out after 10 seconds")
	}
	if err != nil { // an untrusted certificate, a refused or reset connection
		fail(err.Error())
	}
	defer resp.Body.Close()

	var body struct {
		Clients []json.RawMessage `json:"clients"`
		Message string            `json:"message"`
	}
	decodeErr := json.NewDecoder(resp.Body).Decode(&body)
	switch {
	case resp.StatusCode != http.StatusOK && body.Message == "": // not the API's JSON: a gateway's error page
		fail(fmt.Sprintf("%d %s", resp.StatusCode, http.StatusText(resp.StatusCode)))
	case resp.StatusCode != http.StatusOK:
		fail(fmt.Sprintf("%d %s", resp.StatusCode, body.Message))
	case decodeErr != nil:
		fail("unexpected response: " + decodeErr.Error())
	}
	fmt.Printf("Token is valid: it can access %d clients.\n", len(body.Clients))
}

func fail(message string) {
	fmt.Fprintln(os.Stderr, "Token check failed:", message)
	os.Exit(1)
}
