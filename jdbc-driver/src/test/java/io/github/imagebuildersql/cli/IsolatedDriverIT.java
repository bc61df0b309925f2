package io.github.imagebuildersql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.emulator.Emulator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar loaded the way DBeaver or DataGrip load a driver: its own class loader, nothing of
 * ours on the parent's path, the driver found through META-INF/services.
 */
class IsolatedDriverIT {

    @Test
    void theJarAloneIsAWorkingDriver() throws Exception {
        Fixture estate = Fixture.sampleEstate();
        System.setProperty("aws.accessKeyId", estate.credentials().accessKeyId());
        System.setProperty("aws.secretAccessKey", estate.credentials().secretAccessKey());
        try (Emulator emulator = Emulator.start(estate);
                URLClassLoader loader = new URLClassLoader(new URL[] {Jar.FILE.toUri().toURL()},
                        ClassLoader.getPlatformClassLoader())) {
            Driver driver = ServiceLoader.load(Driver.class, loader).stream().map(ServiceLoader.Provider::get)
                    .filter(d -> d.getClass().getName().endsWith("ImageBuilderDriver")).findFirst()
                    .orElseThrow(() -> new AssertionError("not registered through META-INF/services"));
            assertTrue(driver.getClass().getClassLoader() == loader);

            Properties info = new Properties();
            info.setProperty("regions", "us-east-1,eu-west-1,ap-southeast-2");
            info.setProperty("user", "");
            info.setProperty("password", "");
            try (Connection c = driver.connect("jdbc:imagebuilder:endpoint=" + emulator.endpoint()
                    + ";accounts=org;roleName=" + "ImageBuilderInventoryRole", info);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select name, json_value(schedule, '$.timezone') as tz, tags['team'] "
                            + "from imagebuilder_image_pipeline where name = 'ci-runner-al2023'")) {
                assertTrue(rs.next());
                assertEquals("Europe/Dublin", rs.getString("tz"));
                assertEquals("platform", rs.getString(3));
                assertTrue(c.getMetaData().getDriverName().contains("imagebuilder"));
            }
            SQLExceptionCheck.assertOneLine(() -> driver.connect("jdbc:imagebuilder:colour=blue", new Properties()));
        }
    }

    @Test
    void clashingLibrariesAreRelocated() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {Jar.FILE.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            List<String> leaked = new ArrayList<>();
            for (String name : List.of("com.fasterxml.jackson.databind.ObjectMapper", "com.google.common.collect.ImmutableList",
                    "org.apache.http.client.HttpClient", "org.apache.commons.lang3.StringUtils", "org.slf4j.Logger",
                    "picocli.CommandLine", "org.apache.commons.csv.CSVFormat")) {
                try {
                    loader.loadClass(name);
                    leaked.add(name);
                } catch (ClassNotFoundException expected) {
                    // moved out of the host application's way
                }
            }
            assertEquals(List.of(), leaked);
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.junit.jupiter.api.Test"));
            loader.loadClass("io.github.imagebuildersql.shaded.jackson.databind.ObjectMapper");
        }
    }

    interface Call {
        Object run() throws Exception;
    }

    static final class SQLExceptionCheck {
        static void assertOneLine(Call call) {
            java.sql.SQLException e = assertThrows(java.sql.SQLException.class, call::run);
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertTrue(e.getMessage().contains("colour"), e.getMessage());
        }
    }
}
