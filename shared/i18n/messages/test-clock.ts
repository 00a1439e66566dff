/** The test clock Customer Success moves forward in test installations (TEST_CLOCK=1). */
import { defineMessages } from "../define.ts";

export const testClock = defineMessages(
  {
    "testClock.title": "Test clock",
    "testClock.button": "Test clock: {time}",
    "testClock.description":
      "Zones, expiry, the usage API, reminder sweeps and e-mails all follow this clock. It only moves forward, for every instance.",
    "testClock.applicationTime": "Application time",
    "testClock.offset": "Offset",
    "testClock.realTime": "real time",
    "testClock.aheadDays": "{days, plural, one {# day} other {# days}} ahead",
    "testClock.aheadHours": "{hours, number} h ahead",
    "testClock.aheadDaysHours":
      "{days, plural, one {# day} other {# days}} {hours, number} h ahead",
    "testClock.aheadLessThanHour": "less than an hour ahead",
    "testClock.step": "{days, plural, one {+# day} other {+# days}}",
    "testClock.stepName": "Advance {days, plural, one {# day} other {# days}}",
    "testClock.customDuration": "Custom duration",
    "testClock.customDurationDescription": "ISO 8601: P3D, PT2H, P1DT12H",
    "testClock.advance": "Advance",
    "testClock.giveDuration": "Give an ISO 8601 duration",
    "testClock.advanced": "Test clock advanced",
    "testClock.advancedMessage": "The application’s time is now {time} ({offset}).",
  },
  {
    "testClock.title": "Reloj de pruebas",
    "testClock.button": "Reloj de pruebas: {time}",
    "testClock.description":
      "Las zonas, la caducidad, la API de consumo, las revisiones de recordatorios y los correos siguen este reloj. Solo avanza, y lo hace para todas las instancias.",
    "testClock.applicationTime": "Hora de la aplicación",
    "testClock.offset": "Desfase",
    "testClock.realTime": "tiempo real",
    "testClock.aheadDays": "adelantado {days, plural, one {# día} other {# días}}",
    "testClock.aheadHours": "adelantado {hours, number} h",
    "testClock.aheadDaysHours":
      "adelantado {days, plural, one {# día} other {# días}} y {hours, number} h",
    "testClock.aheadLessThanHour": "adelantado menos de una hora",
    "testClock.step": "{days, plural, one {+# día} other {+# días}}",
    "testClock.stepName": "Adelantar {days, plural, one {# día} other {# días}}",
    "testClock.customDuration": "Duración personalizada",
    "testClock.customDurationDescription": "ISO 8601: P3D, PT2H, P1DT12H",
    "testClock.advance": "Adelantar",
    "testClock.giveDuration": "Indica una duración ISO 8601",
    "testClock.advanced": "Reloj de pruebas adelantado",
    "testClock.advancedMessage": "La hora de la aplicación es ahora {time} ({offset}).",
  },
);
