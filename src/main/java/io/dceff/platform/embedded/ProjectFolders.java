package io.dceff.platform.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The embedded default started from another folder than the project's: the folders its defaults name relative to
 * the working directory (the sample data, the rating rules, the development key) are then taken from the project
 * the packaged service was built in, found by walking up from where the service's code is.
 */
final class ProjectFolders {

    /** Each setting that names a project folder, with its default relative to the working directory. */
    static final Map<String, String> DEFAULTS = Map.of(
            "dceff.fixtures.dir", "fixtures",
            "dceff.ratings.dir", "ratings",
            "dceff.security.dev-public-key", "fixtures/dev-keys/public.pem");

    private ProjectFolders() {}

    /**
     * @param workingDir the folder the service was started from
     * @param code where the service's code is (its jar, or the runner jar)
     * @param setting what the user set, by property name (system property or environment)
     * @return the settings to make: for each default the user did not set and the working directory lacks, its
     *     absolute path in the project, when the project has it
     */
    static Map<String, String> beside(Path workingDir, Path code, Function<String, Optional<String>> setting) {
        Path project = null;
        for (Path dir = code.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("fixtures")) && Files.isDirectory(dir.resolve("ratings"))) {
                project = dir;
                break;
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        if (project == null || project.equals(workingDir.toAbsolutePath())) {
            return settings;
        }
        for (Map.Entry<String, String> folder : DEFAULTS.entrySet()) {
            Path inProject = project.resolve(folder.getValue());
            if (setting.apply(folder.getKey()).isEmpty()
                    && !Files.exists(workingDir.resolve(folder.getValue()))
                    && Files.exists(inProject)) {
                settings.put(folder.getKey(), inProject.toString());
            }
        }
        return settings;
    }
}
