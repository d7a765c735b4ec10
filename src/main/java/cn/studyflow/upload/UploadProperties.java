package cn.studyflow.upload;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code studyflow.upload.*}: limits for zip-based files (Word, PowerPoint, Excel): all entries together inflate
 * to at most {@code maxInflatedSize}, there are at most {@code maxEntries} of them, and no entry inflates to
 * more than {@code maxCompressionRatio} times its compressed size.
 */
@ConfigurationProperties("studyflow.upload")
public record UploadProperties(@DefaultValue("200MB") DataSize maxInflatedSize,
                               @DefaultValue("10000") int maxEntries,
                               @DefaultValue("100") int maxCompressionRatio) {

    public long maxInflatedMegabytes() {
        return maxInflatedSize.toMegabytes();
    }
}
