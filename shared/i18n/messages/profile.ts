/** One's own profile: name, language, password and sessions. */
import { defineMessages } from "../define.ts";

export const profile = defineMessages(
  {
    "profile.title": "Profile",
    "profile.description": "Your name, your language, your password and where you are signed in.",
    "profile.aboutYou": "About you",
    "profile.couldNotLoad": "Your profile could not be loaded",
    "profile.sessions": "Your sessions",
    "profile.emailDescription": "You sign in with it.",
    "profile.languageDescription": "The language of the web app and of your e-mails.",
    "profile.languageOption.es": "Español (Spanish)",
    "profile.save": "Save profile",
    "profile.saved": "Profile saved.",
    "profile.notSaved": "Not saved",
    "profile.password.intro":
      "Changing it signs you out everywhere else; this browser stays signed in.",
    "profile.password.current": "Current password",
    "profile.password.currentWrong": "The current password is not right.",
    "profile.password.change": "Change password",
    "profile.password.changed": "Password changed. Your other sessions have ended.",
    "profile.sessions.loading": "Loading your sessions…",
    "profile.sessions.couldNotLoad": "Your sessions could not be loaded",
    "profile.sessions.unknownAddress": "Unknown address",
    "profile.sessions.times": "{address} · signed in {signedIn} · last active {lastActive}",
    "profile.sessions.thisBrowser": "This browser",
    "profile.sessions.signOutOthers": "Sign out other sessions",
    "profile.sessions.ended":
      "{count, plural, one {# other session ended.} other {# other sessions ended.}}",
  },
  {
    "profile.title": "Perfil",
    "profile.description": "Tu nombre, tu idioma, tu contraseña y dónde tienes la sesión iniciada.",
    "profile.aboutYou": "Sobre ti",
    "profile.couldNotLoad": "No se ha podido cargar tu perfil",
    "profile.sessions": "Tus sesiones",
    "profile.emailDescription": "Inicias sesión con él.",
    "profile.languageDescription": "El idioma de la aplicación web y de tus correos.",
    "profile.languageOption.es": "Español",
    "profile.save": "Guardar el perfil",
    "profile.saved": "Perfil guardado.",
    "profile.notSaved": "No se ha guardado",
    "profile.password.intro":
      "Al cambiarla se cierran tus demás sesiones; en este navegador sigues con la sesión iniciada.",
    "profile.password.current": "Contraseña actual",
    "profile.password.currentWrong": "La contraseña actual no es correcta.",
    "profile.password.change": "Cambiar la contraseña",
    "profile.password.changed": "Contraseña cambiada. Tus demás sesiones se han cerrado.",
    "profile.sessions.loading": "Cargando tus sesiones…",
    "profile.sessions.couldNotLoad": "No se han podido cargar tus sesiones",
    "profile.sessions.unknownAddress": "Dirección desconocida",
    "profile.sessions.times":
      "{address} · sesión iniciada el {signedIn} · última actividad el {lastActive}",
    "profile.sessions.thisBrowser": "Este navegador",
    "profile.sessions.signOutOthers": "Cerrar las demás sesiones",
    "profile.sessions.ended":
      "{count, plural, one {Se ha cerrado # sesión más.} other {Se han cerrado # sesiones más.}}",
  },
);
