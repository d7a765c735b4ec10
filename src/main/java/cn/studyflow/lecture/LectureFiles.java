package cn.studyflow.lecture;

import cn.studyflow.common.BusinessException;
import cn.studyflow.upload.ContentDetector;
import cn.studyflow.upload.FileStore;
import cn.studyflow.upload.UploadAllowance;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Slides and videos of entries under {@code ${studyflow.data-dir}/lecture-files/}, checked by their content: a
 * "video" that is not one is refused. The upload is copied from the multipart part, which the container keeps on
 * disk, so a video of hundreds of megabytes never sits in memory.
 */
@Component
class LectureFiles {

    /** The entry's form fields beside its two files: a few kilobytes, given room to spare. */
    static final DataSize FIELDS = DataSize.ofMegabytes(1);

    private final FileStore store;
    private final LectureProperties properties;

    LectureFiles(@Value("${studyflow.data-dir}") String dataDir, ContentDetector detector, LectureProperties properties) {
        this.store = new FileStore(Path.of(dataDir).resolve("lecture-files"), detector, "lecture.error");
        this.properties = properties;
    }

    /**
     * The entry endpoints (the page's form, {@code RoundController}, and the API's, {@code LectureApiController})
     * take a video and slides of the largest configured sizes together; every other endpoint keeps
     * {@code spring.servlet.multipart}'s limit. Which file is too large is told by {@link #video} and {@link #slides}.
     */
    @Bean
    static UploadAllowance lectureEntryUploads(LectureProperties properties) {
        return new UploadAllowance(Set.of("/lectures/entries", "/api/lectures/entries"), DataSize.ofBytes(
            properties.maxVideoSize().toBytes() + properties.maxSlidesSize().toBytes() + FIELDS.toBytes()));
    }

    FileStore.Stored<LectureFileType> slides(MultipartFile file) {
        return store(file, LectureFileType.SLIDES, properties.maxSlidesSize(), "lecture.error.slidesTooLarge");
    }

    FileStore.Stored<LectureFileType> video(MultipartFile file) {
        return store(file, LectureFileType.VIDEO, properties.maxVideoSize(), "lecture.error.videoTooLarge");
    }

    Resource open(String storedName) {
        return store.open(storedName);
    }

    static boolean given(MultipartFile file) {
        return file != null && !(file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()));
    }

    /** Refused by its size (from the part's header, nothing read) with a message naming the file, else stored. */
    private FileStore.Stored<LectureFileType> store(MultipartFile file, Collection<LectureFileType> types, DataSize max,
                                                    String tooLarge) {
        if (file.getSize() > max.toBytes()) {
            throw new BusinessException(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge, max.toMegabytes());
        }
        return store.store(file, types, max.toBytes());
    }
}
