from quickscan_app.ui.screens.dossier import render

render()
