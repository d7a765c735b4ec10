package cn.studyflow.material;

import cn.studyflow.archive.ArchiveSource;
import cn.studyflow.archive.ArchiveTable;
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
    private final MaterialReads reads;
    private final MaterialFiles files;
    private final MessageSource messages;

    @Override
    public ArchivePart part(long orgId, int year, Locale locale) {
        ArchiveTable table = new ArchiveTable(messages, locale);
        String folder = table.msg("archive.folder.materials");
        for (Material m : reads.archivedOfYear(orgId, year)) {
            MaterialVersion last = materials.selectVersion(m.getId(), m.getCurrentVersion());
            table.row(m.getSessionTitle(), m.getTitle(), table.msg("material.kind." + m.getKind()),
                m.getAuthorName(), last == null ? "" : last.getOriginalName());
            if (last != null) {
                table.file(ArchiveFile.ofSession(m.getSessionId(), folder,
                    m.getAuthorName() + "-" + last.getOriginalName(),
                    Content.copyOf(() -> files.open(last.getStoredName()), last.getFileType(),
                        last.getSizeBytes(), last.getCrc32())));
            }
        }
        return table.part(ORDER, "archive.part.materials", "archive.session", "material.title", "material.kind",
            "material.author", "archive.file");
    }
}
