#include "layout/labels.hpp"

#include <array>
#include <cstdio>

namespace leafpress {

std::string Labels::page_of(int n, int m) const {
    std::string out = page;
    const auto put = [&](std::string_view key, int v) {
        if (auto p = out.find(key); p != std::string::npos) out.replace(p, key.size(), std::to_string(v));
    };
    put("{n}", n);
    put("{m}", m);
    return out;
}

namespace {

struct Entry {
    std::string_view language;  // primary subtag, or primary-Script for Chinese
    Labels labels;
};

const std::array<Entry, 25>& table() {
    static const std::array<Entry, 25> t{{
        {"en", {"Questions? We are here to help.", "Call", "Page {n} of {m}", "Reviewed", "QR code:", "Version", "Next review", "Sources", "Language assistance", "Notes"}},
        {"es", {"¿Preguntas? Estamos aquí para ayudarle.", "Llame al", "Página {n} de {m}", "Revisado", "Código QR:", "Versión", "Próxima revisión", "Fuentes", "Asistencia con idiomas", "Notas"}},
        {"fr", {"Des questions ? Nous sommes là pour vous aider.", "Appelez le", "Page {n} sur {m}", "Révisé le", "Code QR :", "Version", "Prochaine révision", "Sources", "Aide linguistique", "Notes"}},
        {"pt", {"Dúvidas? Estamos aqui para ajudar.", "Ligue", "Página {n} de {m}", "Revisado em", "Código QR:", "Versão", "Próxima revisão", "Fontes", "Assistência linguística", "Anotações"}},
        {"de", {"Fragen? Wir helfen Ihnen gern.", "Rufen Sie an:", "Seite {n} von {m}", "Geprüft am", "QR-Code:", "Version", "Nächste Prüfung", "Quellen", "Sprachliche Unterstützung", "Notizen"}},
        {"it", {"Domande? Siamo qui per aiutarla.", "Chiami il", "Pagina {n} di {m}", "Revisionato il", "Codice QR:", "Versione", "Prossima revisione", "Fonti", "Assistenza linguistica", "Note"}},
        {"pl", {"Masz pytania? Chętnie pomożemy.", "Zadzwoń:", "Strona {n} z {m}", "Sprawdzono", "Kod QR:", "Wersja", "Następny przegląd", "Źródła", "Pomoc językowa", "Notatki"}},
        {"ru", {"Есть вопросы? Мы готовы помочь.", "Звоните:", "Страница {n} из {m}", "Проверено", "QR-код:", "Версия", "Следующая проверка", "Источники", "Языковая помощь", "Заметки"}},
        {"uk", {"Маєте запитання? Ми готові допомогти.", "Телефонуйте:", "Сторінка {n} з {m}", "Перевірено", "QR-код:", "Версія", "Наступна перевірка", "Джерела", "Мовна допомога", "Нотатки"}},
        {"vi", {"Bạn có câu hỏi? Chúng tôi luôn sẵn sàng giúp đỡ.", "Gọi", "Trang {n}/{m}", "Cập nhật", "Mã QR:", "Phiên bản", "Xem xét lại", "Nguồn tham khảo", "Hỗ trợ ngôn ngữ", "Ghi chú"}},
        {"tl", {"May mga tanong? Narito kami para tumulong.", "Tumawag sa", "Pahina {n} ng {m}", "Sinuri noong", "QR code:", "Bersyon", "Susunod na pagsusuri", "Mga sanggunian", "Tulong sa wika", "Mga tala"}},
        {"hmn", {"Puas muaj lus nug? Peb nyob ntawm no los pab koj.", "Hu rau", "Nplooj {n} ntawm {m}", "Kuaj xyuas", "QR code:", "Tsab", "Kuaj xyuas dua", "Cov ntaub ntawv siv", "Kev pab txhais lus", "Sau tseg"}},
        {"zh-Hans", {"有疑问？我们随时为您提供帮助。", "请致电", "第 {n} 页，共 {m} 页", "审核日期", "二维码：", "版本", "下次审核", "参考资料", "语言协助", "笔记"}},
        {"zh-Hant", {"有疑問？我們隨時為您提供協助。", "請致電", "第 {n} 頁，共 {m} 頁", "審核日期", "QR 碼：", "版本", "下次審核", "參考資料", "語言協助", "筆記"}},
        {"ja", {"ご質問はありますか？お気軽にご相談ください。", "お電話：", "{n} / {m} ページ", "確認日", "QRコード：", "版", "次回見直し", "参考文献", "言語支援", "メモ"}},
        {"ko", {"궁금한 점이 있으신가요? 언제든지 도와드리겠습니다.", "전화:", "{n} / {m} 쪽", "검토일", "QR 코드:", "버전", "다음 검토", "참고 자료", "언어 지원", "메모"}},
        {"hy", {"Հարցեր ունե՞ք։ Մենք պատրաստ ենք օգնել։", "Զանգահարեք՝", "Էջ {n} / {m}", "Վերանայված է", "QR կոդ՝", "Տարբերակ", "Հաջորդ վերանայում", "Աղբյուրներ", "Լեզվական աջակցություն", "Նշումներ"}},
        {"ar", {"هل لديك أسئلة؟ نحن هنا لمساعدتك.", "اتصل بنا على", "صفحة {n} من {m}", "تمت المراجعة", "رمز QR:", "الإصدار", "المراجعة التالية", "المصادر", "المساعدة اللغوية", "ملاحظات"}},
        {"fa", {"سؤالی دارید؟ ما برای کمک اینجا هستیم.", "تماس بگیرید:", "صفحه {n} از {m}", "بازبینی شده", "کد QR:", "نسخه", "بازبینی بعدی", "منابع", "کمک زبانی", "یادداشت‌ها"}},
        {"he", {"יש לכם שאלות? אנחנו כאן כדי לעזור.", "התקשרו:", "עמוד {n} מתוך {m}", "נבדק", "קוד QR:", "גרסה", "הבדיקה הבאה", "מקורות", "סיוע בשפה", "הערות"}},
        {"hi", {"कोई प्रश्न है? हम मदद के लिए यहाँ हैं।", "कॉल करें:", "पृष्ठ {n} / {m}", "समीक्षा की गई", "QR कोड:", "संस्करण", "अगली समीक्षा", "स्रोत", "भाषा सहायता", "टिप्पणियाँ"}},
        {"pa", {"ਕੋਈ ਸਵਾਲ ਹੈ? ਅਸੀਂ ਮਦਦ ਲਈ ਇੱਥੇ ਹਾਂ।", "ਕਾਲ ਕਰੋ:", "ਪੰਨਾ {n} / {m}", "ਸਮੀਖਿਆ ਕੀਤੀ", "QR ਕੋਡ:", "ਸੰਸਕਰਣ", "ਅਗਲੀ ਸਮੀਖਿਆ", "ਸਰੋਤ", "ਭਾਸ਼ਾ ਸਹਾਇਤਾ", "ਟਿੱਪਣੀਆਂ"}},
        {"th", {"มีคำถามไหม เราพร้อมช่วยเหลือคุณ", "โทร", "หน้า {n} จาก {m}", "ตรวจทานเมื่อ", "คิวอาร์โค้ด:", "ฉบับ", "ตรวจทานครั้งถัดไป", "แหล่งอ้างอิง", "ความช่วยเหลือด้านภาษา", "บันทึก"}},
        {"km", {"មានសំណួរមែនទេ? យើងនៅទីនេះដើម្បីជួយ។", "ហៅទូរសព្ទ", "ទំព័រ {n} នៃ {m}", "បានពិនិត្យ", "កូដ QR៖", "កំណែ", "ការពិនិត្យបន្ទាប់", "ប្រភព", "ជំនួយភាសា", "កំណត់ចំណាំ"}},
        {"nl", {"Vragen? Wij helpen u graag.", "Bel", "Pagina {n} van {m}", "Herzien op", "QR-code:", "Versie", "Volgende herziening", "Bronnen", "Taalhulp", "Notities"}},
    }};
    return t;
}

// The table's key for a language: Chinese by script (Traditional for Taiwan, Hong Kong and
// Macau when no script is given), everything else by its primary subtag.
std::string key_of(const Language& l) {
    if (l.primary == "zh") {
        const bool traditional = l.script == "Hant" ||
                                 (l.script.empty() && (l.region == "TW" || l.region == "HK" || l.region == "MO"));
        return traditional ? "zh-Hant" : "zh-Hans";
    }
    if (l.primary == "fil") return "tl";
    if (l.primary == "iw") return "he";
    return l.primary;
}

const Entry* find(const Language& l) {
    const std::string key = key_of(l);
    for (const auto& e : table())
        if (e.language == key) return &e;
    return nullptr;
}

}  // namespace

const Labels& labels_for(const Language& language) {
    if (const Entry* e = find(language)) return e->labels;
    return table()[0].labels;
}

bool has_labels(const Language& language) { return find(language) != nullptr; }

std::string format_date(const Date& d, const Language& l) {
    static constexpr std::array<std::string_view, 12> en{"January", "February", "March", "April", "May", "June",
                                                         "July", "August", "September", "October", "November", "December"};
    static constexpr std::array<std::string_view, 12> es{"enero", "febrero", "marzo", "abril", "mayo", "junio",
                                                         "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"};
    static constexpr std::array<std::string_view, 12> fr{"janvier", "février", "mars", "avril", "mai", "juin",
                                                         "juillet", "août", "septembre", "octobre", "novembre", "décembre"};
    static constexpr std::array<std::string_view, 12> pt{"janeiro", "fevereiro", "março", "abril", "maio", "junho",
                                                         "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"};
    static constexpr std::array<std::string_view, 12> de{"Januar", "Februar", "März", "April", "Mai", "Juni",
                                                         "Juli", "August", "September", "Oktober", "November", "Dezember"};
    static constexpr std::array<std::string_view, 12> it{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
                                                         "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"};
    if (d.month < 1 || d.month > 12) return to_iso(d);
    const auto m = static_cast<std::size_t>(d.month - 1);
    const std::string day = std::to_string(d.day), year = std::to_string(d.year);
    char dd_mm_yyyy[32];
    std::snprintf(dd_mm_yyyy, sizeof dd_mm_yyyy, "%02d.%02d.%04d", d.day, d.month, d.year);
    const std::string& p = l.primary;
    if (p == "en") {
        const bool us = l.region.empty() || l.region == "US" || l.region == "PH";
        return us ? std::string(en[m]) + " " + day + ", " + year : day + " " + std::string(en[m]) + " " + year;
    }
    if (p == "es") return day + " de " + std::string(es[m]) + " de " + year;
    if (p == "pt") return day + " de " + std::string(pt[m]) + " de " + year;
    if (p == "fr") return day + " " + std::string(fr[m]) + " " + year;
    if (p == "de") return day + ". " + std::string(de[m]) + " " + year;
    if (p == "it") return day + " " + std::string(it[m]) + " " + year;
    if (p == "zh" || p == "ja") return year + "年" + std::to_string(d.month) + "月" + day + "日";
    if (p == "ko") return year + "년 " + std::to_string(d.month) + "월 " + day + "일";
    if (p == "ru" || p == "uk" || p == "pl" || p == "nl") return dd_mm_yyyy;
    if (p == "vi") {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
        return buf;
    }
    return to_iso(d);
}

}  // namespace leafpress
