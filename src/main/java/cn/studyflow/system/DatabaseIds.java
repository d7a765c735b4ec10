package cn.studyflow.system;

import java.util.Properties;
import org.apache.ibatis.mapping.DatabaseIdProvider;
import org.apache.ibatis.mapping.VendorDatabaseIdProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Names the database for the mapper XML ({@code _databaseId} is "h2" or "postgresql"), for the few statements that
 * must be written differently on each to be planned well (e.g. session/ScheduleMapper's subtree scope). Statements
 * without a database id, nearly all of them, run on both.
 */
@Configuration
class DatabaseIds {

    @Bean
    DatabaseIdProvider databaseIdProvider() {
        Properties vendors = new Properties();
        vendors.setProperty("H2", "h2");
        vendors.setProperty("PostgreSQL", "postgresql");
        VendorDatabaseIdProvider provider = new VendorDatabaseIdProvider();
        provider.setProperties(vendors);
        return provider;
    }
}
