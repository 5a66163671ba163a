#include "layout/labels.hpp"

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

const Labels& labels_for(std::string_view language) {
    static const Labels en{"Questions? We are here to help.", "Call", "Page {n} of {m}", "Reviewed", "QR code:", "Version", "Next review", "Sources"};
    static const Labels es{"¿Preguntas? Estamos aquí para ayudarle.", "Llame al", "Página {n} de {m}", "Revisado", "Código QR:", "Versión", "Próxima revisión", "Fuentes"};
    static const Labels fr{"Des questions ? Nous sommes là pour vous aider.", "Appelez le", "Page {n} sur {m}",
                           "Révisé le", "Code QR :", "Version", "Prochaine révision", "Sources"};
    static const Labels pt{"Dúvidas? Estamos aqui para ajudar.", "Ligue", "Página {n} de {m}", "Revisado em", "Código QR:", "Versão", "Próxima revisão", "Fontes"};
    static const Labels vi{"Bạn có câu hỏi? Chúng tôi luôn sẵn sàng giúp đỡ.", "Gọi", "Trang {n}/{m}", "Cập nhật", "Mã QR:", "Phiên bản", "Xem xét lại", "Nguồn tham khảo"};
    static const Labels ar{"هل لديك أسئلة؟ نحن هنا لمساعدتك.", "اتصل بنا على", "صفحة {n} من {m}", "تمت المراجعة", "رمز QR:", "الإصدار", "المراجعة التالية", "المصادر"};
    const std::string_view primary = language.substr(0, language.find('-'));
    if (primary == "es") return es;
    if (primary == "fr") return fr;
    if (primary == "pt") return pt;
    if (primary == "vi") return vi;
    if (primary == "ar") return ar;
    return en;
}

}  // namespace leafpress
