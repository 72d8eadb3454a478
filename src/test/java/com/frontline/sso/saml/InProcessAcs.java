package com.frontline.sso.saml;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.pac4j.core.context.session.SessionStore;
import org.pac4j.core.profile.UserProfile;
import org.pac4j.jee.context.JEEContext;
import org.pac4j.jee.context.session.JEESessionStore;

import com.frontline.sso.config.SsoSettings;
import com.frontline.sso.error.RejectionClassifier;
import com.frontline.sso.identity.AgentProfile;
import com.frontline.sso.identity.AgentProfileGenerator;
import com.frontline.sso.identity.ClaimsMapper;
import com.frontline.sso.saml.metadata.IdpMetadata;
import com.frontline.sso.saml.state.OutstandingRequests;
import com.frontline.sso.saml.state.SharedSamlState;

/**
 * The ACS validation path without a server: the real SAML client, fed a POST through a minimal servlet
 * request. For fast tests of validation rules (and the benchmark of the validation path).
 */
public final class InProcessAcs {

    /** What the ACS made of a message: the agent's profile, or the refusal. */
    public record Outcome(Optional<AgentProfile> profile, Optional<RejectionClassifier.Rejection> rejection) {
        public String code() {
            return rejection.map(r -> r.error().code()).orElse("accepted");
        }
    }

    private final SsoSettings settings;
    private final FrontlineSaml2Client client;
    private final OutstandingRequests requests;
    private final IdpMetadata metadata;

    public InProcessAcs(SsoSettings settings) {
        this.settings = settings;
        SharedSamlState state = SharedSamlState.open(settings);
        this.requests = state.requests();
        this.metadata = IdpMetadata.load(settings.primary());
        this.client = SamlClientFactory.create(settings, settings.primary(), metadata, state);
        client.addAuthorizationGenerator(new AgentProfileGenerator(new ClaimsMapper(settings), settings.primary()));
    }

    public static InProcessAcs withTestIdp(Path dataDir, Map<String, String> extraSettings) {
        return new InProcessAcs(TestSettings.with(dataDir, extraSettings));
    }

    public SsoSettings settings() {
        return settings;
    }

    /** The IdP metadata the client trusts, so a test can refresh it as the background refresher would. */
    public IdpMetadata metadata() {
        return metadata;
    }

    /** Registers an outstanding AuthnRequest, as a redirect to the IdP would, and returns its ID. */
    public String issueRequest(String target) {
        String id = "_req" + java.util.UUID.randomUUID().toString().replace("-", "");
        requests.remember(id, settings.primary().id(), target);
        return id;
    }

    public Outcome post(String samlResponse) {
        Map<String, Object> attributes = new HashMap<>();
        HttpServletRequest request = request(Map.of("SAMLResponse", samlResponse), attributes);
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> defaultValue(method.getReturnType()));
        JEEContext context = new JEEContext(request, response);
        SessionStore sessions = new JEESessionStore();
        try {
            var credentials = client.getCredentials(context, sessions);
            Optional<UserProfile> profile = client.getUserProfile(credentials.orElseThrow(), context, sessions);
            return new Outcome(profile.map(AgentProfile.class::cast), Optional.empty());
        } catch (RuntimeException e) {
            return new Outcome(Optional.empty(), Optional.of(RejectionClassifier.classify(e)));
        }
    }

    private HttpServletRequest request(Map<String, String> parameters, Map<String, Object> attributes) {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getParameterMap" -> parameters.entrySet().stream()
                            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> new String[] {e.getValue()}));
                    case "getMethod" -> "POST";
                    case "getRequestURL" -> new StringBuffer(settings.primary().acsUrl());
                    case "getRequestURI" -> SsoSettings.ACS_PATH;
                    case "getContextPath" -> "";
                    case "getScheme" -> settings.baseUrl().getScheme();
                    case "getServerName" -> settings.baseUrl().getHost();
                    case "getServerPort" -> settings.baseUrl().getPort();
                    case "getRemoteAddr" -> "127.0.0.1";
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    default -> defaultValue(method.getReturnType());
                });
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class || type == long.class) {
            return type == int.class ? (Object) 0 : (Object) 0L;
        }
        return null;
    }
}
