// The desk's words in English, Russian and Kazakh. A key missing in one language falls back to English.
// Russian and Kazakh wording awaits review by a native-speaking compliance officer (see the module README).
// Also what both desks (app.js, and cases.js with its words in cases-i18n.js) do with words: look a key up, remember
// the chosen language, write a moment in Astana time.
'use strict';

const I18N = {
  en: {
    'lang.name': 'English', 'lang.label': 'Language',
    'caseDesk': 'Case desk (MLRO)', 'signIn': 'Sign in', 'signOut': 'Sign out', 'signIn.heading': 'Sign in to the alert desk',
    'signIn.help': 'Sign in with your AIFC compliance account. The desk shows what your role and firm allow.',
    'signIn.expired': 'Your session has ended; sign in again.', 'signIn.failed': 'The desk cannot be reached; try again.',
    'role.firm-reporter': 'firm reporter', 'role.compliance-officer': 'compliance officer', 'role.mlro': 'MLRO',
    'role.regulator': 'regulator', 'role.admin': 'administrator', everyFirm: 'every firm',
    title: 'AIFC alert desk',
    subtitle: 'Open compliance alerts, their regulatory deadlines and the drafted reports',
    skip: 'Skip to open alerts', notSignedIn: 'Not signed in', signedIn: 'signed in', forgetToken: 'Forget token',
    'conn.offline': 'Offline', 'conn.connecting': 'Connecting…', 'conn.reconnecting': 'Reconnecting…',
    'conn.live': 'Live', 'conn.notAllowed': 'Not allowed',
    'token.heading': 'Sign in with a bearer token',
    'token.help': 'Paste a token for your role (compliance-officer, mlro, regulator or admin), or open this page as '
      + '/#token=…. The token stays in this browser tab only (session storage).',
    'token.label': 'Bearer token', 'token.use': 'Use token', 'token.notJwt': 'That is not a JSON Web Token.',
    'token.expired': 'That token has expired; ask for a new one.', 'token.mayNotRead': 'This token may not read alerts.',
    'summary.heading': 'Open alerts by severity', filters: 'Filters', firm: 'Firm', allFirms: 'All firms',
    severity: 'Severity', allSeverities: 'All severities',
    'sev.CRITICAL': 'Critical', 'sev.HIGH': 'High', 'sev.MEDIUM': 'Medium', 'sev.LOW': 'Low',
    'regulator.heading': "Every firm's open breaches and deadlines",
    'regulator.caption': 'Open alerts per firm, most urgent first', overdue: 'Overdue', nearest: 'Nearest deadline',
    'alerts.heading': 'Open alerts',
    'alerts.hint': 'Most severe first, then the nearest deadline. Times are Astana time (UTC+05:00). The list updates live.',
    'alerts.caption': 'Open and acknowledged alerts', 'col.alert': 'Alert', 'col.deadline': 'Deadline',
    'col.status': 'Status', 'col.report': 'Report', 'col.actions': 'Actions', empty: 'No open alerts.',
    'resolve.heading': 'Resolve alert', 'resolve.reason': 'Reason (recorded in the audit log)',
    'resolve.submit': 'Resolve alert', cancel: 'Cancel', 'resolve.giveReason': 'Give the reason the alert is closed.',
    'error.resolve': 'Could not resolve (HTTP {0}).', 'error.load': 'Could not load alerts (HTTP {0}).',
    'error.change': 'Could not change the alert (HTTP {0}).',
    'duty.CAPITAL': 'Capital', 'duty.AML': 'AML', 'duty.FIT_AND_PROPER': 'Fit and proper',
    'esc.CRITICAL_UNACKNOWLEDGED': 'Escalated: critical, not acknowledged in time',
    'esc.DEADLINE_NEAR': 'Escalated: deadline near', 'esc.DEADLINE_PASSED': 'Escalated: deadline passed',
    'esc.other': 'Escalated',
    amlWithheld: 'Details of an AML alert are for the MLRO', linksWithheld: 'Case and STR links are for the MLRO',
    overdueBy: 'overdue by {0}', dueIn: 'in {0}', noDeadline: 'no regulatory deadline',
    'status.ACKNOWLEDGED': 'Acknowledged', 'status.OPEN': 'Open', by: 'by {0}, {1}',
    draftedReport: 'Drafted report', newTab: ' for {0} ({1}), opens in a new tab',
    acknowledge: 'Acknowledge', resolve: 'Resolve…', readOnly: 'read only',
    showOnlyFirm: ": show only this firm's alerts",
    'unit.min': '{0} min', 'unit.h': '{0} h', 'unit.days': '{0} days',
    'change.RAISED': 'New alert', 'change.UPDATED': 'Alert updated', 'change.REOPENED': 'Alert reopened',
    'change.ACKNOWLEDGED': 'Alert acknowledged', 'change.RESOLVED': 'Alert resolved',
    'change.ESCALATED': 'Alert escalated', 'change.other': 'Alert changed',
    'done.acknowledged': 'Acknowledged', 'done.resolved': 'Resolved'
  },
  ru: {
    'lang.name': 'Русский', 'lang.label': 'Язык',
    'caseDesk': 'Дела (MLRO)', 'signIn': 'Войти', 'signOut': 'Выйти', 'signIn.heading': 'Вход в панель оповещений',
    'signIn.help': 'Войдите со своей учётной записью комплаенс МФЦА. Панель покажет то, что разрешают ваша роль и фирма.',
    'signIn.expired': 'Сеанс завершён; войдите снова.', 'signIn.failed': 'Панель недоступна; попробуйте ещё раз.',
    'role.firm-reporter': 'отчётная система фирмы', 'role.compliance-officer': 'комплаенс-офицер', 'role.mlro': 'MLRO',
    'role.regulator': 'регулятор', 'role.admin': 'администратор', everyFirm: 'все фирмы',
    title: 'Панель оповещений МФЦА',
    subtitle: 'Открытые оповещения комплаенс, регуляторные сроки и проекты отчётов',
    skip: 'Перейти к открытым оповещениям', notSignedIn: 'Вход не выполнен', signedIn: 'вход выполнен',
    forgetToken: 'Забыть токен',
    'conn.offline': 'Нет связи', 'conn.connecting': 'Подключение…', 'conn.reconnecting': 'Переподключение…',
    'conn.live': 'В реальном времени', 'conn.notAllowed': 'Доступ запрещён',
    'token.heading': 'Вход по токену доступа',
    'token.help': 'Вставьте токен своей роли (compliance-officer, mlro, regulator или admin) или откройте страницу '
      + 'как /#token=…. Токен хранится только в этой вкладке браузера (session storage).',
    'token.label': 'Токен доступа', 'token.use': 'Использовать токен', 'token.notJwt': 'Это не JSON Web Token.',
    'token.expired': 'Срок действия токена истёк; запросите новый.',
    'token.mayNotRead': 'Этот токен не даёт права читать оповещения.',
    'summary.heading': 'Открытые оповещения по важности', filters: 'Фильтры', firm: 'Фирма', allFirms: 'Все фирмы',
    severity: 'Важность', allSeverities: 'Любая важность',
    'sev.CRITICAL': 'Критическая', 'sev.HIGH': 'Высокая', 'sev.MEDIUM': 'Средняя', 'sev.LOW': 'Низкая',
    'regulator.heading': 'Открытые нарушения и сроки всех фирм',
    'regulator.caption': 'Открытые оповещения по фирмам, самые срочные первыми', overdue: 'Просрочено',
    nearest: 'Ближайший срок',
    'alerts.heading': 'Открытые оповещения',
    'alerts.hint': 'Сначала самые важные, затем с ближайшим сроком. Время астанинское (UTC+05:00). Список обновляется '
      + 'в реальном времени.',
    'alerts.caption': 'Открытые и принятые оповещения', 'col.alert': 'Оповещение', 'col.deadline': 'Срок',
    'col.status': 'Статус', 'col.report': 'Отчёт', 'col.actions': 'Действия', empty: 'Открытых оповещений нет.',
    'resolve.heading': 'Закрыть оповещение', 'resolve.reason': 'Причина (записывается в журнал аудита)',
    'resolve.submit': 'Закрыть оповещение', cancel: 'Отмена',
    'resolve.giveReason': 'Укажите причину закрытия оповещения.',
    'error.resolve': 'Не удалось закрыть (HTTP {0}).', 'error.load': 'Не удалось загрузить оповещения (HTTP {0}).',
    'error.change': 'Не удалось изменить оповещение (HTTP {0}).',
    'duty.CAPITAL': 'Капитал', 'duty.AML': 'ПОД/ФТ', 'duty.FIT_AND_PROPER': 'Соответствие требованиям (fit and proper)',
    'esc.CRITICAL_UNACKNOWLEDGED': 'Эскалировано: критическое, не принято вовремя',
    'esc.DEADLINE_NEAR': 'Эскалировано: срок близок', 'esc.DEADLINE_PASSED': 'Эскалировано: срок истёк',
    'esc.other': 'Эскалировано',
    amlWithheld: 'Подробности оповещения ПОД/ФТ доступны только MLRO',
    linksWithheld: 'Ссылки на дело и сообщение о подозрительной операции доступны только MLRO',
    overdueBy: 'просрочено на {0}', dueIn: 'через {0}', noDeadline: 'без регуляторного срока',
    'status.ACKNOWLEDGED': 'Принято', 'status.OPEN': 'Открыто', by: '{0}, {1}',
    draftedReport: 'Проект отчёта', newTab: ' — {0} ({1}), откроется в новой вкладке',
    acknowledge: 'Принять', resolve: 'Закрыть…', readOnly: 'только чтение',
    showOnlyFirm: ': показать только оповещения этой фирмы',
    'unit.min': '{0} мин', 'unit.h': '{0} ч', 'unit.days': '{0} дн.',
    'change.RAISED': 'Новое оповещение', 'change.UPDATED': 'Оповещение обновлено',
    'change.REOPENED': 'Оповещение открыто снова', 'change.ACKNOWLEDGED': 'Оповещение принято',
    'change.RESOLVED': 'Оповещение закрыто', 'change.ESCALATED': 'Оповещение эскалировано',
    'change.other': 'Оповещение изменено', 'done.acknowledged': 'Принято', 'done.resolved': 'Закрыто'
  },
  kk: {
    'lang.name': 'Қазақша', 'lang.label': 'Тіл',
    'caseDesk': 'Істер (MLRO)', 'signIn': 'Кіру', 'signOut': 'Шығу', 'signIn.heading': 'Ескертулер панеліне кіру',
    'signIn.help': 'МҚХО комплаенс есептік жазбаңызбен кіріңіз. Панель рөліңіз бен фирмаңыз рұқсат еткенді көрсетеді.',
    'signIn.expired': 'Сеанс аяқталды; қайта кіріңіз.', 'signIn.failed': 'Панельге қосылу мүмкін емес; қайталап көріңіз.',
    'role.firm-reporter': 'фирманың есеп жүйесі', 'role.compliance-officer': 'комплаенс-офицер', 'role.mlro': 'MLRO',
    'role.regulator': 'реттеуші', 'role.admin': 'әкімші', everyFirm: 'барлық фирмалар',
    title: 'АХҚО ескертулер панелі',
    subtitle: 'Ашық комплаенс ескертулері, реттеушілік мерзімдер және есеп жобалары',
    skip: 'Ашық ескертулерге өту', notSignedIn: 'Жүйеге кірмеген', signedIn: 'жүйеге кірді',
    forgetToken: 'Токенді ұмыту',
    'conn.offline': 'Байланыс жоқ', 'conn.connecting': 'Қосылуда…', 'conn.reconnecting': 'Қайта қосылуда…',
    'conn.live': 'Нақты уақытта', 'conn.notAllowed': 'Рұқсат жоқ',
    'token.heading': 'Қол жеткізу токенімен кіру',
    'token.help': 'Рөліңіздің токенін қойыңыз (compliance-officer, mlro, regulator немесе admin) немесе бетті '
      + '/#token=… түрінде ашыңыз. Токен тек осы браузер қойындысында сақталады (session storage).',
    'token.label': 'Қол жеткізу токені', 'token.use': 'Токенді қолдану', 'token.notJwt': 'Бұл JSON Web Token емес.',
    'token.expired': 'Токеннің мерзімі өтті; жаңасын сұраңыз.',
    'token.mayNotRead': 'Бұл токен ескертулерді оқуға рұқсат бермейді.',
    'summary.heading': 'Маңыздылығы бойынша ашық ескертулер', filters: 'Сүзгілер', firm: 'Фирма',
    allFirms: 'Барлық фирмалар', severity: 'Маңыздылығы', allSeverities: 'Кез келген маңыздылық',
    'sev.CRITICAL': 'Аса маңызды', 'sev.HIGH': 'Жоғары', 'sev.MEDIUM': 'Орташа', 'sev.LOW': 'Төмен',
    'regulator.heading': 'Барлық фирмалардың ашық бұзушылықтары мен мерзімдері',
    'regulator.caption': 'Фирмалар бойынша ашық ескертулер, ең шұғылдары бірінші', overdue: 'Мерзімі өткен',
    nearest: 'Ең жақын мерзім',
    'alerts.heading': 'Ашық ескертулер',
    'alerts.hint': 'Алдымен ең маңыздылары, содан кейін мерзімі ең жақындары. Уақыт — Астана уақыты (UTC+05:00). '
      + 'Тізім нақты уақытта жаңарады.',
    'alerts.caption': 'Ашық және қабылданған ескертулер', 'col.alert': 'Ескерту', 'col.deadline': 'Мерзім',
    'col.status': 'Күйі', 'col.report': 'Есеп', 'col.actions': 'Әрекеттер', empty: 'Ашық ескертулер жоқ.',
    'resolve.heading': 'Ескертуді жабу', 'resolve.reason': 'Себебі (аудит журналына жазылады)',
    'resolve.submit': 'Ескертуді жабу', cancel: 'Болдырмау',
    'resolve.giveReason': 'Ескертудің жабылу себебін көрсетіңіз.',
    'error.resolve': 'Жабу мүмкін болмады (HTTP {0}).', 'error.load': 'Ескертулерді жүктеу мүмкін болмады (HTTP {0}).',
    'error.change': 'Ескертуді өзгерту мүмкін болмады (HTTP {0}).',
    'duty.CAPITAL': 'Капитал', 'duty.AML': 'AML', 'duty.FIT_AND_PROPER': 'Талаптарға сәйкестік (fit and proper)',
    'esc.CRITICAL_UNACKNOWLEDGED': 'Жоғары деңгейге берілді: аса маңызды, уақытында қабылданбады',
    'esc.DEADLINE_NEAR': 'Жоғары деңгейге берілді: мерзім жақын',
    'esc.DEADLINE_PASSED': 'Жоғары деңгейге берілді: мерзім өтті', 'esc.other': 'Жоғары деңгейге берілді',
    amlWithheld: 'AML ескертуінің толық мәліметі тек MLRO-ға арналған',
    linksWithheld: 'Іс пен күдікті операция туралы хабарлама сілтемелері тек MLRO-ға арналған',
    overdueBy: '{0} кешікті', dueIn: '{0} кейін', noDeadline: 'реттеушілік мерзімі жоқ',
    'status.ACKNOWLEDGED': 'Қабылданды', 'status.OPEN': 'Ашық', by: '{0}, {1}',
    draftedReport: 'Есеп жобасы', newTab: ' — {0} ({1}), жаңа қойындыда ашылады',
    acknowledge: 'Қабылдау', resolve: 'Жабу…', readOnly: 'тек оқу',
    showOnlyFirm: ': тек осы фирманың ескертулерін көрсету',
    'unit.min': '{0} мин', 'unit.h': '{0} сағ', 'unit.days': '{0} күн',
    'change.RAISED': 'Жаңа ескерту', 'change.UPDATED': 'Ескерту жаңартылды', 'change.REOPENED': 'Ескерту қайта ашылды',
    'change.ACKNOWLEDGED': 'Ескерту қабылданды', 'change.RESOLVED': 'Ескерту жабылды',
    'change.ESCALATED': 'Ескерту жоғары деңгейге берілді', 'change.other': 'Ескерту өзгерді',
    'done.acknowledged': 'Қабылданды', 'done.resolved': 'Жабылды'
  }
};

// ---- history (#17.4): the History view's words (history.js), kept apart from the desk's own ------------------------
Object.assign(I18N.en, {
  'history.heading': 'History',
  'history.hint': 'Every alert, open, acknowledged or resolved, newest detection first. Days and times are Astana time '
    + '(UTC+05:00).',
  'history.rule': 'Rule', 'history.rulePlaceholder': 'e.g. CAP-001', 'history.duty': 'Duty',
  'history.allDuties': 'All duties', 'history.status': 'Status', 'history.allStatuses': 'All statuses',
  'history.from': 'Detected from', 'history.to': 'Detected to', 'history.search': 'Search',
  'history.export': 'Export CSV', 'history.caption': 'Alerts found', 'history.col.detected': 'Detected',
  'history.timeline': 'Timeline', 'history.showTimeline': 'Show timeline', 'history.hideTimeline': 'Hide timeline',
  'history.range': '{0}–{1} of {2}', 'history.none': 'No alerts match.', 'history.previous': 'Previous',
  'history.next': 'Next', 'history.exporting': 'Exporting…', 'history.exported': 'Exported {0} alerts.',
  'history.error': 'Could not search (HTTP {0}).', 'history.exportError': 'Could not export (HTTP {0}).',
  'history.timelineError': 'Could not load the timeline (HTTP {0}).', 'history.truncated': 'Older steps left out.',
  'history.withheld': "the reason is for the firm's MLRO", 'history.resolvedBy': 'resolved by {0}, {1}',
  'status.RESOLVED': 'Resolved',
  'event.RAISED': 'Raised', 'event.UPDATED': 'Updated', 'event.REOPENED': 'Reopened',
  'event.ACKNOWLEDGED': 'Acknowledged', 'event.ESCALATED': 'Escalated', 'event.RESOLVED': 'Resolved',
  'actor.SOURCE_SERVICE': 'source service', 'actor.PERSON': 'person', 'actor.ESCALATION_CLOCK': 'escalation clock'
});
Object.assign(I18N.ru, {
  'history.heading': 'История',
  'history.hint': 'Все оповещения — открытые, принятые и закрытые, сначала последние выявленные. Дни и время '
    + 'астанинские (UTC+05:00).',
  'history.rule': 'Правило', 'history.rulePlaceholder': 'напр. CAP-001', 'history.duty': 'Обязанность',
  'history.allDuties': 'Все обязанности', 'history.status': 'Статус', 'history.allStatuses': 'Все статусы',
  'history.from': 'Выявлено с', 'history.to': 'Выявлено по', 'history.search': 'Найти',
  'history.export': 'Экспорт в CSV', 'history.caption': 'Найденные оповещения', 'history.col.detected': 'Выявлено',
  'history.timeline': 'Хронология', 'history.showTimeline': 'Показать хронологию',
  'history.hideTimeline': 'Скрыть хронологию',
  'history.range': '{0}–{1} из {2}', 'history.none': 'Подходящих оповещений нет.', 'history.previous': 'Назад',
  'history.next': 'Далее', 'history.exporting': 'Экспорт…', 'history.exported': 'Выгружено оповещений: {0}.',
  'history.error': 'Не удалось выполнить поиск (HTTP {0}).',
  'history.exportError': 'Не удалось выполнить экспорт (HTTP {0}).',
  'history.timelineError': 'Не удалось загрузить хронологию (HTTP {0}).',
  'history.truncated': 'Более ранние шаги не показаны.', 'history.withheld': 'причина доступна только MLRO фирмы',
  'history.resolvedBy': 'закрыто: {0}, {1}',
  'status.RESOLVED': 'Закрыто',
  'event.RAISED': 'Поступило', 'event.UPDATED': 'Обновлено', 'event.REOPENED': 'Открыто снова',
  'event.ACKNOWLEDGED': 'Принято', 'event.ESCALATED': 'Эскалировано', 'event.RESOLVED': 'Закрыто',
  'actor.SOURCE_SERVICE': 'сервис-источник', 'actor.PERSON': 'сотрудник', 'actor.ESCALATION_CLOCK': 'таймер эскалации'
});
Object.assign(I18N.kk, {
  'history.heading': 'Тарих',
  'history.hint': 'Барлық ескертулер — ашық, қабылданған және жабылған, алдымен соңғы анықталғандары. Күндер мен '
    + 'уақыт — Астана уақыты (UTC+05:00).',
  'history.rule': 'Ереже', 'history.rulePlaceholder': 'мыс. CAP-001', 'history.duty': 'Міндет',
  'history.allDuties': 'Барлық міндеттер', 'history.status': 'Күйі', 'history.allStatuses': 'Барлық күйлер',
  'history.from': 'Анықталған күннен', 'history.to': 'Анықталған күнге дейін', 'history.search': 'Іздеу',
  'history.export': 'CSV-ге экспорттау', 'history.caption': 'Табылған ескертулер', 'history.col.detected': 'Анықталды',
  'history.timeline': 'Хронология', 'history.showTimeline': 'Хронологияны көрсету',
  'history.hideTimeline': 'Хронологияны жасыру',
  'history.range': '{2} ішінен {0}–{1}', 'history.none': 'Сәйкес ескертулер жоқ.', 'history.previous': 'Артқа',
  'history.next': 'Келесі', 'history.exporting': 'Экспортталуда…', 'history.exported': 'Экспортталған ескертулер: {0}.',
  'history.error': 'Іздеу мүмкін болмады (HTTP {0}).', 'history.exportError': 'Экспорттау мүмкін болмады (HTTP {0}).',
  'history.timelineError': 'Хронологияны жүктеу мүмкін болмады (HTTP {0}).',
  'history.truncated': 'Ертерек қадамдар көрсетілмеген.',
  'history.withheld': 'себебі тек фирманың MLRO-сына арналған', 'history.resolvedBy': 'жапқан: {0}, {1}',
  'status.RESOLVED': 'Жабылды',
  'event.RAISED': 'Түсті', 'event.UPDATED': 'Жаңартылды', 'event.REOPENED': 'Қайта ашылды',
  'event.ACKNOWLEDGED': 'Қабылданды', 'event.ESCALATED': 'Жоғары деңгейге берілді', 'event.RESOLVED': 'Жабылды',
  'actor.SOURCE_SERVICE': 'дереккөз сервисі', 'actor.PERSON': 'қызметкер', 'actor.ESCALATION_CLOCK': 'эскалация таймері'
});

/** BCP 47 locale of each desk language, for dates and numbers. */
const LOCALES = { en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ' };

// The admin's Subscriptions panel (subscriptions.js).
Object.assign(I18N.en, {
  'subs.heading': 'Subscriptions',
  'subs.hint': 'Webhook endpoints that receive alert changes. A paused one keeps its deliveries queued and receives '
    + 'them in order once resumed.',
  'subs.caption': 'Webhook subscriptions', 'subs.col.url': 'Endpoint', 'subs.col.filters': 'Filters',
  'subs.col.state': 'State', 'subs.empty': 'No subscriptions.', 'subs.everyFirm': 'Every firm',
  'subs.everything': 'everything', 'subs.active': 'Active', 'subs.paused': 'Paused since {0} by {1}',
  'subs.pause': 'Pause', 'subs.resume': 'Resume', 'subs.delete': 'Delete…',
  'subs.delete.heading': 'Delete subscription?',
  'subs.delete.warning': 'Its queued deliveries and delivery log are deleted with it. This cannot be undone.',
  'subs.delete.confirm': 'Delete subscription', 'subs.done.paused': 'Subscription paused',
  'subs.done.resumed': 'Subscription resumed', 'subs.done.deleted': 'Subscription deleted',
  'subs.error': 'Could not change the subscription (HTTP {0}).', 'subs.error.load': 'Could not load subscriptions (HTTP {0}).'
});
Object.assign(I18N.ru, {
  'subs.heading': 'Подписки',
  'subs.hint': 'Адреса вебхуков, получающие изменения оповещений. Приостановленная подписка сохраняет очередь '
    + 'отправок и получает их по порядку после возобновления.',
  'subs.caption': 'Подписки на вебхуки', 'subs.col.url': 'Адрес', 'subs.col.filters': 'Фильтры',
  'subs.col.state': 'Состояние', 'subs.empty': 'Подписок нет.', 'subs.everyFirm': 'Все фирмы',
  'subs.everything': 'все', 'subs.active': 'Активна', 'subs.paused': 'Приостановлена с {0}, {1}',
  'subs.pause': 'Приостановить', 'subs.resume': 'Возобновить', 'subs.delete': 'Удалить…',
  'subs.delete.heading': 'Удалить подписку?',
  'subs.delete.warning': 'Вместе с ней удаляются очередь отправок и журнал доставки. Это нельзя отменить.',
  'subs.delete.confirm': 'Удалить подписку', 'subs.done.paused': 'Подписка приостановлена',
  'subs.done.resumed': 'Подписка возобновлена', 'subs.done.deleted': 'Подписка удалена',
  'subs.error': 'Не удалось изменить подписку (HTTP {0}).', 'subs.error.load': 'Не удалось загрузить подписки (HTTP {0}).'
});
Object.assign(I18N.kk, {
  'subs.heading': 'Жазылымдар',
  'subs.hint': 'Ескерту өзгерістерін алатын вебхук мекенжайлары. Тоқтатылған жазылым жіберу кезегін сақтайды және '
    + 'қайта іске қосылғанда оларды ретімен алады.',
  'subs.caption': 'Вебхук жазылымдары', 'subs.col.url': 'Мекенжай', 'subs.col.filters': 'Сүзгілер',
  'subs.col.state': 'Күйі', 'subs.empty': 'Жазылымдар жоқ.', 'subs.everyFirm': 'Барлық фирмалар',
  'subs.everything': 'барлығы', 'subs.active': 'Белсенді', 'subs.paused': '{0} бастап тоқтатылған, {1}',
  'subs.pause': 'Тоқтата тұру', 'subs.resume': 'Жалғастыру', 'subs.delete': 'Жою…',
  'subs.delete.heading': 'Жазылымды жою керек пе?',
  'subs.delete.warning': 'Онымен бірге жіберу кезегі мен жеткізу журналы да жойылады. Мұны қайтару мүмкін емес.',
  'subs.delete.confirm': 'Жазылымды жою', 'subs.done.paused': 'Жазылым тоқтатылды',
  'subs.done.resumed': 'Жазылым жалғастырылды', 'subs.done.deleted': 'Жазылым жойылды',
  'subs.error': 'Жазылымды өзгерту мүмкін болмады (HTTP {0}).',
  'subs.error.load': 'Жазылымдарды жүктеу мүмкін болмады (HTTP {0}).'
});

// ---- shared by the alert desk (I18N) and the case desk (CASES_I18N) ---------------------------------------------

/** Where the chosen language is remembered: for this browser, and per signed-in user (+ '.' + user). */
const LANGUAGE_KEY = 'aifc.language';
const astanaFormats = {};

/** The text of `key` in `table`'s `language` (English where a translation is missing), {0}… filled from `args`. */
function translate(table, language, key, args) {
  const text = (table[language] || {})[key] ?? table.en[key] ?? key;
  return text.replace(/\{(\d)\}/g, (m, i) => String(args[Number(i)]));
}

/** The language remembered for the user of `claims` (or this browser), else the browser's own if `table` has it. */
function savedLanguage(table, claims) {
  const user = claims.upn || claims.sub;
  const saved = (user && localStorage.getItem(LANGUAGE_KEY + '.' + user)) || localStorage.getItem(LANGUAGE_KEY);
  if (saved && table[saved]) return saved;
  const browser = (navigator.language || 'en').slice(0, 2).toLowerCase();
  return table[browser] ? browser : 'en';
}

/** Remembers `language` for this browser and for the user of `claims`. */
function saveLanguage(language, claims) {
  localStorage.setItem(LANGUAGE_KEY, language);
  const user = claims.upn || claims.sub;
  if (user) localStorage.setItem(LANGUAGE_KEY + '.' + user, language);
}

/** A moment (epoch milliseconds) in Astana time, written the way `language` writes dates. */
function formatAstana(ms, language) {
  if (language === 'kk') {
    // Browsers' Kazakh locale data differ (month names missing, ISO order): Kazakh dates are written 08.12.2026, 14:30.
    astanaFormats.numeric = astanaFormats.numeric || new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Almaty', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
      hourCycle: 'h23'
    });
    const p = Object.fromEntries(astanaFormats.numeric.formatToParts(ms).map((x) => [x.type, x.value]));
    return `${p.day}.${p.month}.${p.year}, ${p.hour}:${p.minute}`;
  }
  const locale = LOCALES[language] || LOCALES.en;
  astanaFormats[locale] = astanaFormats[locale] || new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Almaty', day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23'
  });
  return astanaFormats[locale].format(ms);
}
