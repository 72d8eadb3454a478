// Shows the signed-in agent from /api/me. Text only (textContent), never HTML from the server.
(function () {
    function show(id, value) {
        document.getElementById(id).textContent = value == null ? "" : value;
    }
    fetch("/api/me", {headers: {"Accept": "application/json"}, credentials: "same-origin"})
        .then(function (response) {
            if (!response.ok) {
                throw new Error("HTTP " + response.status);
            }
            return response.json();
        })
        .then(function (agent) {
            show("agent-email", agent.email);
            show("agent-name", agent.name);
            show("agent-roles", (agent.roles || []).join(", "));
            show("agent-idp", agent.idp);
            show("agent-authenticated", agent.authenticatedAt);
            show("agent-expires", agent.sessionExpiresAt);
            show("status", "Signed in.");
        })
        .catch(function (error) {
            show("status", "Could not load your profile (" + error.message + "). Reload the page to sign in again.");
        });
})();
