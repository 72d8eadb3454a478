package com.frontline.sso.testsupport;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the app against a local Keycloak until Ctrl-C: {@code mvn -Pdemo verify}.
 *
 * <p>Ports default to 8080 (app) and 8180 (Keycloak) and can be set with {@code -Ddemo.appPort}
 * and {@code -Ddemo.keycloakPort}; a busy port is replaced by a free one, and the banner says so.
 * Every start is fresh: new Keycloak database, new app data directory (new SP key).
 */
public final class DemoLauncher {

    private DemoLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        int appPort = port("demo.appPort", 8080, "app");
        int keycloakPort = port("demo.keycloakPort", 8180, "Keycloak");
        System.out.println("Starting Keycloak on 127.0.0.1:" + keycloakPort + " and the app on localhost:" + appPort
                + " (Keycloak takes about a minute on a 2-core machine) ...");

        SsoStack stack = SsoStack.builder("demo")
                .appPort(appPort)
                .keycloakPort(keycloakPort)
                .appEnv("SSO_IDP_INITIATED_ENABLED", "true")
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the app (pid " + stack.app().pid() + ") and Keycloak (pid "
                    + stack.keycloak().pid() + ") ...");
            stack.close();
            stopped.countDown();
        }, "demo-stop"));
        printBanner(stack);
        stopped.await();
    }

    private static void printBanner(SsoStack stack) {
        KeycloakServer keycloak = stack.keycloak();
        StringBuilder banner = new StringBuilder()
                .append(System.lineSeparator())
                .append("=== frontline-sso demo is running (Ctrl-C stops both servers) ===").append(System.lineSeparator())
                .append("Agent console:        ").append(stack.appUrl("/")).append(System.lineSeparator())
                .append("IdP-initiated login:  ").append(keycloak.idpInitiatedLoginUrl()).append(System.lineSeparator())
                .append("Keycloak admin:       ").append(keycloak.adminConsoleUrl())
                .append("  (").append(KeycloakServer.ADMIN_USERNAME).append(" / ").append(KeycloakServer.ADMIN_PASSWORD)
                .append(")").append(System.lineSeparator())
                .append("Users (realm ").append(KeycloakServer.REALM).append("):").append(System.lineSeparator());
        for (RealmUser user : RealmUser.all()) {
            banner.append(String.format("  %-6s / %-15s roles %s%n", user.username(), user.password(), user.roles()));
        }
        banner.append("Logs: ").append(stack.app().logFile()).append(", ").append(keycloak.logFile())
                .append(System.lineSeparator())
                .append("Keycloak started in ").append(keycloak.startTime().toSeconds()).append(" s, the app in ")
                .append(stack.app().startTime().toSeconds()).append(" s.").append(System.lineSeparator());
        System.out.println(banner);
    }

    private static int port(String property, int defaultPort, String what) {
        int wanted = Integer.getInteger(property, defaultPort);
        int port = FreePorts.preferredOrFree(wanted);
        if (port != wanted) {
            System.out.println("Port " + wanted + " for the " + what + " is busy; using " + port
                    + " instead (set -D" + property + "=... to choose).");
        }
        return port;
    }
}
