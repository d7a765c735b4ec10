package cn.studyflow.credits;

import cn.studyflow.archive.ArchiveSource;
import cn.studyflow.status.XlsxSheet;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The credits of an organisation's year for its archive: everyone's standing (earned, target, short by, 调训) in
 * the summary and as {@code 学分统计.xlsx}, from the ledger, brought up to date first unless the year is frozen.
 */
@Component
@RequiredArgsConstructor
class CreditArchive implements ArchiveSource {

    static final int ORDER = 60;

    private final CreditStandings standings;
    private final MessageSource messages;
    @Value("${studyflow.zone}")
    private final ZoneId zone;

    @Override
    public void prepare(long orgId, int year) {
        // the year before too: whether someone is to be retrained reads it
        standings.refreshQuietly(orgId, year - 1);
        standings.refreshQuietly(orgId, year);
    }

    @Override
    public ArchivePart part(long orgId, int year, Locale locale) {
        List<CreditStanding> rows = standings.ofOrg(orgId, year);
        int earning = (int) rows.stream().filter(r -> r.earned().signum() > 0).count();
        if (earning == 0) {
            // nobody earned anything: the year holds no credits (and an empty year stays empty)
            return new ArchivePart(ORDER, "archive.part.credits", 0, List.of(), List.of(), List.of());
        }
        List<List<String>> summary = new ArrayList<>();
        for (CreditStanding r : rows) {
            Object[] cells = CreditSheet.cells(r, messages, locale);
            summary.add(java.util.Arrays.stream(cells).skip(1).map(String::valueOf).toList());
        }
        List<String> heads = CreditSheet.heads(messages, locale);
        String name = messages.getMessage("archive.file.credits", null, locale) + ".xlsx";
        return new ArchivePart(ORDER, "archive.part.credits", earning, heads.subList(1, heads.size()), summary,
            List.of(ArchiveFile.atRoot(name, o -> {
                try (XlsxSheet sheet = new XlsxSheet(o, messages.getMessage("archive.file.credits", null, locale), heads,
                    zone)) {
                    rows.forEach(r -> sheet.row(CreditSheet.cells(r, messages, locale)));
                }
            })));
    }
}
