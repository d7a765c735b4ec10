package cn.studyflow.lecture;

import cn.studyflow.upload.ContentDetector;
import cn.studyflow.upload.FileStore;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Slides and videos of entries under {@code ${studyflow.data-dir}/lecture-files/}, checked by their content: a
 * "video" that is not one is refused. The upload is copied from the multipart part, which the container keeps on
 * disk, so a video of hundreds of megabytes never sits in memory.
 */
@Component
class LectureFiles {

    private final FileStore store;
    private final LectureProperties properties;

    LectureFiles(@Value("${studyflow.data-dir}") String dataDir, ContentDetector detector, LectureProperties properties) {
        this.store = new FileStore(Path.of(dataDir).resolve("lecture-files"), detector, "lecture.error");
        this.properties = properties;
    }

    FileStore.Stored<LectureFileType> slides(MultipartFile file) {
        return store.store(file, LectureFileType.SLIDES, properties.maxSlidesSize().toBytes());
    }

    FileStore.Stored<LectureFileType> video(MultipartFile file) {
        return store.store(file, LectureFileType.VIDEO, properties.maxVideoSize().toBytes());
    }

    Resource open(String storedName) {
        return store.open(storedName);
    }

    static boolean given(MultipartFile file) {
        return file != null && !(file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()));
    }
}
