package cn.studyflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A notification keeps its arguments as text ({@link NotificationService}), so its message may only place them as
 * they are: a typed argument such as {@code {0,number,#}} cannot format text and took the whole notifications page
 * down with a 500 for everyone who had such a notification.
 */
class NotificationMessagesTest {

    private static final Pattern TYPED = Pattern.compile("\\{\\d+\\s*,");

    @Test
    void everyNotificationMessageFormatsWithTextArguments() throws IOException {
        Resource[] bundles = new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*.properties");
        assertThat(bundles).isNotEmpty();
        List<String> typed = new ArrayList<>();
        int checked = 0;
        for (Resource bundle : bundles) {
            Properties messages = new Properties();
            try (InputStream in = bundle.getInputStream()) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String key : messages.stringPropertyNames()) {
                if (!key.contains(".notify.")) {
                    continue;
                }
                checked++;
                String text = messages.getProperty(key);
                if (TYPED.matcher(text).find()) {
                    typed.add(bundle.getFilename() + ": " + key);
                }
                Object[] args = {"2094", "一", "二", "三", "四", "五", "六", "七"};
                assertThat(new MessageFormat(text, Locale.SIMPLIFIED_CHINESE).format(args)).isNotBlank();
            }
        }
        assertThat(checked).as("the notification messages found").isGreaterThan(20);
        assertThat(typed).as("notification messages with a typed argument").isEmpty();
    }
}
