package io.github.imagebuildersql.sparkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.imagebuildersql.connector.jdbc.ImageBuilderDriver;
import io.github.imagebuildersql.core.table.Column;
import io.github.imagebuildersql.core.table.ColumnType;
import io.github.imagebuildersql.core.table.TableDefinition;
import io.github.imagebuildersql.core.table.Tables;
import io.github.imagebuildersql.emulator.Emulator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import org.apache.logging.log4j.LogManager;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Apache Spark's JDBC data source, in local mode in a JVM set to New York, reading through the driver
 * with no dialect of its own: both tables by name, a read partitioned by account, tags as JSON text,
 * timestamps as the right instants, and no transaction errors in Spark's log.
 */
class SparkJdbcSourceTest {
    static final List<String> ACTIVE_ACCOUNTS = List.of("111111111111", "222222222222", "333333333333");
    static Emulator emulator;
    static SparkSession spark;
    static String url;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(Fixture.sampleEstate());
        url = "jdbc:imagebuilder:endpoint=" + emulator.endpoint() + ";accounts=org;roleName=ImageBuilderInventoryRole;"
                + "regions=us-east-1,eu-west-1,ap-southeast-2";
        spark = SparkSession.builder().master("local[2]").appName("imagebuilder-sql")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        LogManager.getLogger(SparkJdbcSourceTest.class).warn("spark-it: log capture works");
    }

    @AfterAll
    static void stop() throws Exception {
        spark.stop();
        emulator.close();
        String log = Files.readString(Path.of("target/spark.log"));
        assertTrue(log.contains("spark-it: log capture works"), "Spark's log is captured");
        for (String error : List.of("Exception committing transaction", "UnsupportedOperationException",
                "UNRECOGNIZED_SQL_TYPE", "todo: implement")) {
            assertFalse(log.contains(error), error + " in Spark's log:\n" + log);
        }
    }

    private static Dataset<Row> table(String name) {
        return spark.read().format("jdbc").option("url", url).option("driver", ImageBuilderDriver.class.getName())
                .option("dbtable", "aws." + name).load();
    }

    @Test
    void everyTableLoadsByNameWithTheRowsTheDriverReturns() throws Exception {
        assertTrue(TimeZone.getDefault().getRawOffset() != 0, "the JVM runs outside UTC");
        for (TableDefinition<?> t : Tables.all()) {
            Dataset<Row> rows = table(t.name());
            assertEquals(t.columns().size(), rows.schema().fields().length, t.name());
            for (Column<?> c : t.columns()) {
                assertEquals(sparkType(c.type()), rows.schema().apply(c.name()).dataType(), t.name() + "." + c.name());
            }
            assertEquals(jdbcCount(t.name()), rows.count(), t.name());
            assertEquals(jdbcCount(t.name()), rows.collectAsList().size(), t.name());
        }
    }

    /** What Spark's JDBC source makes of each column type, with no dialect of ours: tag maps are JSON text. */
    private static DataType sparkType(ColumnType type) {
        return switch (type) {
            case VARCHAR, JSON, TAGS -> DataTypes.StringType;
            case BOOLEAN -> DataTypes.BooleanType;
            case INTEGER -> DataTypes.IntegerType;
            case DOUBLE -> DataTypes.DoubleType;
            case TIMESTAMP -> DataTypes.TimestampType;
        };
    }

    @Test
    void tagsArriveAsJsonTextAndTimestampsAsTheirInstants() throws Exception {
        Row row = table("imagebuilder_image_pipeline").where("name = 'ci-runner-al2023'")
                .select("tags", "date_created", "date_updated").collectAsList().get(0);
        assertEquals(Map.of("team", "platform", "cost center", "cc-1001", "aws:cloudformation:stack-name", "ci-imaging"),
                new ObjectMapper().readValue(row.getString(0), Map.class));
        assertEquals(Instant.parse("2023-03-14T09:12:44.120Z"), row.getAs(1));
        assertEquals(Instant.parse("2024-10-02T17:45:00Z"), row.getAs(2));
    }

    @Test
    void aReadPartitionedByAccountListsEachAccountOnceInItsOwnPartition() throws Exception {
        String[] predicates = ACTIVE_ACCOUNTS.stream().map(a -> "account_id = '" + a + "'").toArray(String[]::new);
        Properties properties = new Properties();
        properties.setProperty("driver", ImageBuilderDriver.class.getName());
        Dataset<Row> pipelines = spark.read().jdbc(url, "aws.imagebuilder_image_pipeline", predicates, properties);
        assertEquals(3, pipelines.rdd().getNumPartitions());
        long expected = jdbcCount("imagebuilder_image_pipeline");
        emulator.stats().reset();
        List<Row> rows = pipelines.select("account_id", "region", "name").collectAsList();
        assertEquals(expected, rows.size());
        for (String account : ACTIVE_ACCOUNTS) {
            for (String region : List.of("us-east-1", "eu-west-1", "ap-southeast-2")) {
                assertEquals(1, emulator.stats().inPartition(account, region, "ListImagePipelines"),
                        account + "/" + region + " is listed once, by its own partition");
            }
        }
        assertEquals(9, emulator.stats().total("ListImagePipelines"), "3 accounts x 3 regions, nothing twice");
    }

    private static long jdbcCount(String table) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
