import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Build step, run by the pom after the WAR is packaged ({@code java StoredLibraryJars.java WAR}): stores the
 * library jars in {@code WEB-INF/lib} uncompressed.
 *
 * <p>A jar is compressed already; the WAR plugin deflates it a second time (its {@code recompressZippedFiles} does
 * not apply to dependencies, MWAR-446), and every server that expands the WAR inflates it again at every deployment:
 * on Payara Micro about 0.1 s of the deploying thread's CPU for this WAR's 27 MB of jars (async-profiler, two starts
 * each way). Stored, the expansion is a copy; the WAR grows by about 3 MB.
 */
public final class StoredLibraryJars {

    public static void main(String[] args) throws IOException {
        Path war = Path.of(args[0]);
        int stored = 0;
        // zipfs writes the entries it creates with this method and copies the others as they are
        try (FileSystem zip = FileSystems.newFileSystem(war, Map.of("compressionMethod", "STORED"))) {
            List<Path> jars;
            try (Stream<Path> files = Files.list(zip.getPath("/WEB-INF/lib"))) {
                jars = files.filter(path -> path.toString().endsWith(".jar")).toList();
            }
            for (Path jar : jars) {
                byte[] content = Files.readAllBytes(jar);
                Files.delete(jar);
                Files.write(jar, content);
                stored++;
            }
        }
        System.out.println("Library jars stored uncompressed: " + stored + " in " + war);
    }
}
