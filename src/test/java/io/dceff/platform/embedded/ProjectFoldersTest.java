package io.dceff.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFoldersTest {

    @TempDir
    Path root;

    private Path project() throws IOException {
        Path project = root.resolve("home/someone/projects/dceff");
        Files.createDirectories(project.resolve("fixtures/dev-keys"));
        Files.writeString(project.resolve("fixtures/dev-keys/public.pem"), "key");
        Files.createDirectories(project.resolve("ratings"));
        Files.createDirectories(project.resolve("target/quarkus-app/app"));
        return project;
    }

    private static Path jar(Path project) {
        return project.resolve("target/quarkus-app/app/dceff-1.0.0-SNAPSHOT.jar");
    }

    @Test
    void startedFromAnotherFolderTheProjectFoldersAreTakenFromBesideTheService() throws IOException {
        Path project = project();
        Path elsewhere = Files.createDirectories(root.resolve("tmp/elsewhere"));
        assertThat(ProjectFolders.beside(elsewhere, jar(project), key -> Optional.empty()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "dceff.fixtures.dir", project.resolve("fixtures").toString(),
                        "dceff.ratings.dir", project.resolve("ratings").toString(),
                        "dceff.security.dev-public-key",
                                project.resolve("fixtures/dev-keys/public.pem").toString()));
    }

    @Test
    void startedFromTheProjectNothingChanges() throws IOException {
        Path project = project();
        assertThat(ProjectFolders.beside(project, jar(project), key -> Optional.empty()))
                .isEmpty();
    }

    @Test
    void whatTheUserSetOrTheWorkingDirectoryHasIsKept() throws IOException {
        Path project = project();
        Path elsewhere =
                Files.createDirectories(root.resolve("tmp/elsewhere/ratings")).getParent();
        Map<String, String> settings = ProjectFolders.beside(
                elsewhere,
                jar(project),
                key -> key.equals("dceff.fixtures.dir") ? Optional.of("/srv/my-fixtures") : Optional.empty());
        assertThat(settings)
                .containsOnlyKeys("dceff.security.dev-public-key")
                .containsEntry(
                        "dceff.security.dev-public-key",
                        project.resolve("fixtures/dev-keys/public.pem").toString());
    }

    @Test
    void aServiceOutsideAnyProjectChangesNothing() throws IOException {
        Path elsewhere = Files.createDirectories(root.resolve("tmp/elsewhere"));
        Path lone = Files.createDirectories(root.resolve("opt/dceff/app")).resolve("dceff.jar");
        assertThat(ProjectFolders.beside(elsewhere, lone, key -> Optional.empty()))
                .isEmpty();
    }
}
