/** Webhooks and the event feed: endpoints, deliveries, and the e-mail when an endpoint is disabled. */
import { defineMessages } from "../define.ts";

export const webhooks = defineMessages(
  {
    "mail.webhookDisabled.subject": "Webhook endpoint disabled: {url}",
    "mail.webhookDisabled.body":
      "Wattfolio stopped sending events to {url}: its last {failures, plural, one {# delivery} other {# deliveries}} failed, each after retries for about 17 hours.",
    "mail.webhookDisabled.howToFix":
      "Check that the endpoint answers with a 2xx status, then enable it again on the Webhooks page. Events that occur while it is disabled are not sent to it; failed deliveries can be sent again with Redeliver.",
    "mail.webhookDisabled.action": "Open Webhooks",
    "validation.webhookUrl":
      "Enter the endpoint's URL, such as https://hooks.example.com/wattfolio",
    "validation.webhookHttps": "Use an https:// address",
    "validation.webhookCredentials": "Leave the user name and password out of the URL",
    "validation.webhookUrlWithin2000": "Keep the URL within 2000 characters",
    "validation.webhookDescriptionWithin200": "Keep the description within 200 characters",
    "validation.webhookChooseEvents": "Choose events from the list",
    "validation.webhookAtLeastOneEvent": "Choose at least one event",
    "validation.webhookUrlCannotBeUsed": "The endpoint's URL cannot be used.",
    "validation.eventCursor": "Use the next cursor of the previous page",
  },
  {
    "mail.webhookDisabled.subject": "Endpoint de webhooks desactivado: {url}",
    "mail.webhookDisabled.body":
      "Wattfolio ha dejado de enviar eventos a {url}: {failures, plural, one {su última entrega ha fallado} other {sus últimas # entregas han fallado}}, cada una tras reintentos durante unas 17 horas.",
    "mail.webhookDisabled.howToFix":
      "Comprueba que el endpoint responde con un estado 2xx y vuelve a activarlo en la página Webhooks. Los eventos que ocurran mientras está desactivado no se le envían; las entregas fallidas pueden enviarse de nuevo con Reenviar.",
    "mail.webhookDisabled.action": "Abrir Webhooks",
    "validation.webhookUrl":
      "Escribe la URL del endpoint, por ejemplo https://hooks.example.com/wattfolio",
    "validation.webhookHttps": "Usa una dirección https://",
    "validation.webhookCredentials": "Quita el usuario y la contraseña de la URL",
    "validation.webhookUrlWithin2000": "La URL puede tener como mucho 2000 caracteres",
    "validation.webhookDescriptionWithin200":
      "La descripción puede tener como mucho 200 caracteres",
    "validation.webhookChooseEvents": "Elige eventos de la lista",
    "validation.webhookAtLeastOneEvent": "Elige al menos un evento",
    "validation.webhookUrlCannotBeUsed": "No se puede usar la URL del endpoint.",
    "validation.eventCursor": "Usa el cursor next de la página anterior",
  },
);
