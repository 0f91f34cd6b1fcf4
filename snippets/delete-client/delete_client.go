// Delete a client.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

var token = os.Getenv("REQUESTROCKET_USER_TOKEN")

// httpClient gives up on a request after 10 seconds; http.DefaultClient waits forever.
var httpClient = &http.Client{Timeout: 10 * time.Second}

func main() {
	if token == "" {
		exit("set REQUESTROCKET_USER_TOKEN to your RequestRocket user token")
	}
	clientID := os.Getenv("REQUESTROCKET_CLIENT_ID")
	if clientID == "" {
		exit("set REQUESTROCKET_CLIENT_ID to the id of the client")
	}

	if err := call(http.MethodDelete, "/clients/"+clientID, nil, nil); err != nil {
		fail("delete a client", err)
	}
	fmt.Printf("Deleted client %s\n", clientID)
}

// call sends one request to the Core API and decodes its JSON answer into answer (unless nil). Its
// error names the status and the API's message, or says why no answer came.
func call(method, path string, body, answer any) error {
	var payload io.Reader
	if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			return err
		}
		payload = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, "https://api.requestrocket.com/api"+path, payload)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", token) // the raw token: no "Bearer " prefix

	resp, err := httpClient.Do(req)
	if os.IsTimeout(err) {
		return errors.New("the request timed out after 10 seconds")
	}
	if err != nil { // an untrusted certificate, a refused or reset connection
		return err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		var apiError struct {
			Message string `json:"message"`
		}
		if json.Unmarshal(raw, &apiError) != nil || apiError.Message == "" { // not the API's JSON: a gateway's error page
			apiError.Message = http.StatusText(resp.StatusCode)
		}
		return fmt.Errorf("%d %s", resp.StatusCode, apiError.Message)
	}
	if answer == nil {
		return nil
	}
	if err := json.Unmarshal(raw, answer); err != nil {
		return fmt.Errorf("unexpected response: %w", err)
	}
	return nil
}

// fail prints what the program could not do and why, in one line, and exits 1.
func fail(doing string, err error) {
	fmt.Fprintf(os.Stderr, "Could not %s: %v\n", doing, err)
	os.Exit(1)
}

// exit prints what is missing and exits 1.
func exit(message string) {
	fmt.Fprintln(os.Stderr, message)
	os.Exit(1)
}
