// {{sentence}}
package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"time"
)

type apiResponse struct {
	Clients []struct {
		ClientID   string `json:"clientId"`
		ClientName string `json:"clientName"`
	} `json:"clients"`
	Message string `json:"message"`
}

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
	req.Header.Set("Authorization", token) // the raw token: no "Bearer " prefix

	client := &http.Client{Timeout: 10 * time.Second} // the default client waits forever
	resp, err := client.Do(req)
	if os.IsTimeout(err) {
		fail("the request timed out after 10 seconds")
	}
	if err != nil { // an untrusted certificate, a refused or reset connection
		fail(err.Error())
	}
	defer resp.Body.Close()

	var body apiResponse
	decodeErr := json.NewDecoder(resp.Body).Decode(&body)
	if resp.StatusCode != http.StatusOK {
		if body.Message == "" { // not the API's JSON: a gateway's error page
			body.Message = http.StatusText(resp.StatusCode)
		}
		fail(fmt.Sprintf("%d %s", resp.StatusCode, body.Message))
	}
	if decodeErr != nil {
		fail("unexpected response: " + decodeErr.Error())
	}
	for _, c := range body.Clients {
		fmt.Printf("%s  %s\n", c.ClientID, c.ClientName)
	}
}

func fail(message string) {
	fmt.Fprintln(os.Stderr, "Request failed:", message)
	os.Exit(1)
}
