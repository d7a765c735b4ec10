package cn.studyflow.material;

import cn.studyflow.archive.ArchiveSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The materials signed off for the sessions of a year, each as its final version in its session's folder. */
@Component
@RequiredArgsConstructor
class MaterialArchive implements ArchiveSource {

    static final int ORDER = 30;

    private final MaterialMapper materials;
    private final MaterialFiles files;
    private final MessageSource messages;

    @Override
    public ArchivePart part(long orgId, int year, Locale locale) {
        List<List<String>> rows = new ArrayList<>();
        List<ArchiveFile> out = new ArrayList<>();
        String folder = msg(locale, "archive.folder.materials");
        for (Material m : materials.selectArchivedOfYear(orgId, year)) {
            MaterialVersion last = materials.selectVersion(m.getId(), m.getCurrentVersion());
            rows.add(List.of(m.getSessionTitle(), m.getTitle(), msg(locale, "material.kind." + m.getKind()),
                m.getAuthorName(), last == null ? "" : last.getOriginalName()));
            if (last != null) {
                out.add(ArchiveFile.ofSession(m.getSessionId(), folder, m.getAuthorName() + "-" + last.getOriginalName(),
                    Content.copyOf(() -> files.open(last.getStoredName()), last.getFileType())));
            }
        }
        return new ArchivePart(ORDER, "archive.part.materials", rows.size(),
            List.of(msg(locale, "archive.session"), msg(locale, "material.title"), msg(locale, "material.kind"),
                msg(locale, "material.author"), msg(locale, "archive.file")), rows, out);
    }

    private String msg(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }
}
