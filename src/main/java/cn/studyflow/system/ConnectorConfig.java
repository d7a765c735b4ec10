package cn.studyflow.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Tomcat's socket writes: a large download (the year's archive, a lecture video) goes to the socket in pieces of
 * this size, one system call each; Tomcat's default of 8 KB makes a 1 GB archive 131,072 writes. The buffer is
 * taken per connection while it writes, so it is kept moderate.
 */
@Configuration(proxyBeanMethods = false)
class ConnectorConfig {

    @Bean
    TomcatConnectorCustomizer socketWriteBuffer(@Value("${studyflow.web.socket-write-buffer}") DataSize size) {
        return connector -> connector.setProperty("socket.appWriteBufSize", String.valueOf(size.toBytes()));
    }
}
