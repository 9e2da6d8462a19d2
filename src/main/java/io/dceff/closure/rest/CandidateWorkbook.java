package io.dceff.closure.rest;

import io.dceff.closure.ClosureThresholds;
import io.dceff.platform.ConversionFactor;
import io.dceff.platform.csv.CsvTable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The closure candidates as an XLSX workbook: header rows with the date, window, rule, thresholds, factors and the
 * selection, so a printed or forwarded sheet still says what produced it; then one row per site, numbers as
 * numbers. Column names in Chinese and English.
 */
public final class CandidateWorkbook {

    static final String[] COLUMNS = {
        "编号 Code",
        "名称 Name",
        "运营商 Operator",
        "区 District",
        "状态 Status",
        "PUE",
        "机架 Racks",
        "运行年限 Years",
        "数据月数 Months of data",
        "年节电 Saving (kWh/yr)",
        "年节约标煤 Saving (tce/yr)",
        "年减排 Saving (tCO2/yr)",
        "接收 PUE Receiving PUE"
    };

    private CandidateWorkbook() {}

    public static void write(ClosurePageView answer, String selection, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "dceff", "1.0");
        Worksheet sheet = workbook.newWorksheet("Closure candidates");
        int r = 0;
        sheet.value(r, 0, "关停并转候选 Closure candidates");
        sheet.style(r, 0).bold().fontSize(14).set();
        r++;
        r = pair(sheet, r, "评估日期 As of", answer.asOf().toString());
        r = pair(
                sheet,
                r,
                "评估窗口 Window",
                answer.window().first() + " – " + answer.window().last());
        r = pair(sheet, r, "规则 Rule", answer.rule());
        ClosureThresholds t = answer.thresholds();
        sheet.value(r, 0, "阈值 Thresholds");
        sheet.value(r, 1, "PUE >");
        sheet.value(r, 2, t.pueAbove());
        sheet.value(r, 3, "racks ≤");
        sheet.value(r, 4, t.maxRacks());
        sheet.value(r, 5, "years ≥");
        sheet.value(r, 6, t.minYears());
        sheet.value(r, 7, "reference PUE");
        sheet.value(r, 8, t.referencePue());
        r++;
        for (ConversionFactor f :
                answer.factors().subList(0, Math.min(2, answer.factors().size()))) {
            sheet.value(r, 0, "系数 Factor");
            sheet.value(r, 1, f.id());
            sheet.value(r, 2, f.value());
            sheet.value(r, 3, f.unit());
            sheet.value(r, 4, f.source());
            r++;
        }
        r = pair(sheet, r, "筛选 Selection", selection + "; " + answer.total() + " sites");
        r++;
        for (int c = 0; c < COLUMNS.length; c++) {
            sheet.value(r, c, COLUMNS[c]);
        }
        sheet.range(r, 0, r, COLUMNS.length - 1)
                .style()
                .bold()
                .fillColor("DDE3EA")
                .set();
        int header = r++;
        for (ClosureCandidateView v : answer.items()) {
            var dc = v.dataCenter();
            text(sheet, r, 0, dc.code());
            text(sheet, r, 1, dc.name());
            text(sheet, r, 2, dc.operatorCode());
            text(sheet, r, 3, dc.district());
            sheet.value(r, 4, v.status().name());
            number(sheet, r, 5, v.pue());
            sheet.value(r, 6, v.racks());
            sheet.value(r, 7, v.yearsInOperation());
            sheet.value(r, 8, v.monthsOfData());
            number(sheet, r, 9, v.annualSavingKwh());
            number(sheet, r, 10, v.annualSavingTce());
            number(sheet, r, 11, v.annualSavingTco2());
            number(sheet, r, 12, v.receivingPue());
            r++;
        }
        sheet.freezePane(0, header + 1);
        sheet.width(0, 16);
        sheet.width(1, 28);
        for (int c = 2; c < COLUMNS.length; c++) {
            sheet.width(c, 14);
        }
        workbook.finish();
    }

    private static int pair(Worksheet sheet, int r, String label, String value) {
        sheet.value(r, 0, label);
        sheet.value(r, 1, value);
        return r + 1;
    }

    /** Names come from operators: neutralised like CSV cells, in case the sheet is saved back as CSV. */
    private static void text(Worksheet sheet, int r, int c, String value) {
        sheet.value(r, c, CsvTable.safeCell(value));
    }

    private static void number(Worksheet sheet, int r, int c, BigDecimal value) {
        if (value != null) {
            sheet.value(r, c, value);
        }
    }
}
