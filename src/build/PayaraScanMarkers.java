import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step, run by the pom after the WAR is packaged ({@code java PayaraScanMarkers.java WAR [PATTERNS]}):
 * adds one Payara scan marker per library jar to the WAR's root.
 *
 * <p>Before deploying a WAR, Payara reads every class of every jar in {@code WEB-INF/lib} into a class model
 * (about 18,000 classes here, half of the WAR's start on a 2-core machine). It skips a jar when the archive also
 * holds an entry with the jar's exploded name ({@code WEB-INF/lib/x.jar} -> {@code WEB-INF__lib__x_jar};
 * {@code ReadableArchiveScannerAdapter.handleJar}) and reads that entry instead, as the jar's content for its
 * deployment-time scans (classes, beans, web fragments, TLDs). A marker is an empty zip, so those scans find
 * nothing in the libraries, which is what {@code scanning-exclude} in glassfish-web.xml asks for anyway; the
 * class loader still loads the real jars. Other servers ignore the markers; {@code ScanMarkerFilter} keeps them
 * from being served.
 *
 * <p>PATTERNS: comma-separated globs of jar file names that Payara must scan (those named in
 * {@code scanning-include}); they get no marker.
 */
public final class PayaraScanMarkers {

    static final String PREFIX = "WEB-INF__lib__";
    /** A zip file with no entries: only its end-of-central-directory record. */
    static final byte[] EMPTY_ZIP = {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    public static void main(String[] args) throws IOException {
        Path war = Path.of(args[0]);
        List<PathMatcher> scanned = args.length < 2 ? List.of() : Arrays.stream(args[1].split(","))
                .map(String::trim).filter(glob -> !glob.isEmpty())
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
        int written = 0;
        try (FileSystem zip = FileSystems.newFileSystem(war)) {
            try (Stream<Path> old = Files.list(zip.getPath("/"))) {
                for (Path marker : old.filter(path -> path.getFileName().toString().startsWith(PREFIX)).toList()) {
                    Files.delete(marker);
                }
            }
            try (Stream<Path> jars = Files.list(zip.getPath("/WEB-INF/lib"))) {
                for (Path jar : jars.filter(path -> path.toString().endsWith(".jar")).toList()) {
                    String name = jar.getFileName().toString();
                    if (scanned.stream().noneMatch(glob -> glob.matches(Path.of(name)))) {
                        Files.write(zip.getPath("/" + PREFIX + name.substring(0, name.length() - ".jar".length()) + "_jar"), EMPTY_ZIP);
                        written++;
                    }
                }
            }
        }
        System.out.println("Payara scan markers: " + written + " written to " + war);
    }
}
