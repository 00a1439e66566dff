/** Signing in, a forgotten password and its reset: the pages of someone not signed in. */
import { defineMessages } from "../define.ts";

export const auth = defineMessages(
  {
    "auth.signIn": "Sign in",
    "auth.backToSignIn": "Back to signing in",
    "auth.email": "E-mail",
    "auth.emailPlaceholder": "you@company.com",
    "auth.password": "Password",
    "auth.login.description": "Accounts, licences and quotas of your energy management platform.",
    "auth.login.forgotPassword": "Forgot password?",
    "auth.login.couldNotSignIn": "Could not sign in",
    "auth.login.wrongCredentials": "The e-mail or the password is not right.",
    "auth.login.enterEmail": "Enter your e-mail address",
    "auth.login.enterPassword": "Enter your password",
    "auth.forgot.title": "Forgot your password?",
    "auth.forgot.intro":
      "Type the e-mail address you sign in with. We will send you a link to choose a new password.",
    "auth.forgot.couldNotSend": "Could not send",
    "auth.forgot.send": "Send me a link",
    "auth.forgot.checkEmail": "Check your e-mail",
    "auth.forgot.sent":
      "If this address belongs to a Wattfolio user, we have sent it a link to choose a new password. The link works once, for an hour. Nothing arrived? Look in your spam folder, or ask again in a few minutes.",
    "auth.reset.title": "Choose a new password",
    "auth.reset.description": "Every session you had ends; then sign in with the new password.",
    "auth.reset.done": "Your password is changed. Sign in with it.",
    "auth.reset.incomplete": "This link is incomplete",
    "auth.reset.incompleteText": "Open the link from the e-mail as it is, or ask for a new one.",
    "auth.reset.askNewLink": "Ask for a new link",
    "auth.reset.save": "Save the new password",
    "auth.password.notChanged": "The password was not changed",
    "auth.password.new": "New password",
    "auth.password.minLength":
      "{min, plural, one {At least # character} other {At least # characters}}",
    "auth.password.again": "New password again",
    "auth.password.mismatch": "Type the same password twice",
  },
  {
    "auth.signIn": "Iniciar sesión",
    "auth.backToSignIn": "Volver a iniciar sesión",
    "auth.email": "Correo electrónico",
    "auth.emailPlaceholder": "tu@empresa.com",
    "auth.password": "Contraseña",
    "auth.login.description": "Cuentas, licencias y cuotas de tu plataforma de gestión energética.",
    "auth.login.forgotPassword": "¿Has olvidado la contraseña?",
    "auth.login.couldNotSignIn": "No se ha podido iniciar sesión",
    "auth.login.wrongCredentials": "El correo electrónico o la contraseña no son correctos.",
    "auth.login.enterEmail": "Escribe tu dirección de correo electrónico",
    "auth.login.enterPassword": "Escribe tu contraseña",
    "auth.forgot.title": "¿Has olvidado tu contraseña?",
    "auth.forgot.intro":
      "Escribe la dirección de correo electrónico con la que inicias sesión. Te enviaremos un enlace para elegir una contraseña nueva.",
    "auth.forgot.couldNotSend": "No se ha podido enviar",
    "auth.forgot.send": "Envíame un enlace",
    "auth.forgot.checkEmail": "Revisa tu correo",
    "auth.forgot.sent":
      "Si esta dirección es de un usuario de Wattfolio, le hemos enviado un enlace para elegir una contraseña nueva. El enlace sirve una sola vez durante una hora. ¿No te ha llegado nada? Mira en la carpeta de spam o vuelve a pedirlo dentro de unos minutos.",
    "auth.reset.title": "Elegir una contraseña nueva",
    "auth.reset.description":
      "Todas tus sesiones se cierran; después, inicia sesión con la contraseña nueva.",
    "auth.reset.done": "Tu contraseña se ha cambiado. Inicia sesión con ella.",
    "auth.reset.incomplete": "Este enlace está incompleto",
    "auth.reset.incompleteText": "Abre el enlace del correo tal como está o pide uno nuevo.",
    "auth.reset.askNewLink": "Pedir un enlace nuevo",
    "auth.reset.save": "Guardar la contraseña nueva",
    "auth.password.notChanged": "La contraseña no se ha cambiado",
    "auth.password.new": "Contraseña nueva",
    "auth.password.minLength":
      "{min, plural, one {Al menos # carácter} other {Al menos # caracteres}}",
    "auth.password.again": "Repite la contraseña nueva",
    "auth.password.mismatch": "Escribe la misma contraseña las dos veces",
  },
);
