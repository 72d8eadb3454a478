package com.frontline.sso.server;

import java.io.File;
import java.net.URI;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR exactly as `mvn package` built it, and the address arquillian.xml starts it on. */
final class ArquillianDeployment {

    private ArquillianDeployment() {
    }

    static File builtWarFile() {
        return new File(System.getProperty("frontline.war", "target/frontline-sso.war"));
    }

    static WebArchive builtWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, builtWarFile());
    }

    /** The built WAR plus one ordinary servlet that reads the user through the servlet API. */
    static WebArchive builtWarWithExistingPage() {
        return builtWar().addClass(PrincipalProbeServlet.class);
    }

    static URI baseUrl() {
        return URI.create("http://localhost:" + System.getProperty("arquillian.port"));
    }
}
